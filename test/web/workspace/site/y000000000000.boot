#!version:1.0.0.1
## Boot file of the site: the common file, then each phone's own file
include:config "y000000000096.cfg"
include:config "$mac.cfg"
