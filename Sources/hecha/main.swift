print("hecha")
