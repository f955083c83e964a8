// Door of src/kernel: other layers import only from here.
