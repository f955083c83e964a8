// Door of src/hypervisor: other layers import only from here.
