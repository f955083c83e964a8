// Door of src/embed: other layers import only from here.
