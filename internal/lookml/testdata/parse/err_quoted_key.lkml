"view": orders {}
