// Door of src/runtime: other layers import only from here.
