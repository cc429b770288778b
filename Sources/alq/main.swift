print("alq")
