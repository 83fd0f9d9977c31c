Palisade.main()
