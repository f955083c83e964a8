// Door of src/ui: other layers import only from here.
