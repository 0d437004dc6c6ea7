import HechaCore
