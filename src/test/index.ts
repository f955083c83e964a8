// Door of src/test: other layers import only from here.
