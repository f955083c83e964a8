// Door of src/quiz: other layers import only from here.
