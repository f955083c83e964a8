// Door of src/cli: other layers import only from here.
