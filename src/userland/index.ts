// Door of src/userland: other layers import only from here.
