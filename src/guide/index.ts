// Door of src/guide: other layers import only from here.
