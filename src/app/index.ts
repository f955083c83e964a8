// Door of src/app: other layers import only from here.
export { App } from "./App";
