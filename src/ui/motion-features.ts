// framer-motion's DOM animation features, loaded as their own chunk after the first paint
// (LazyMotion's async `features`): the home page renders its text before they arrive, and the
// picture starts moving once they have.
import { domAnimation } from "framer-motion";

export default domAnimation;
