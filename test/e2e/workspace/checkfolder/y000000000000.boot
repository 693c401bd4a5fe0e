#!version:1.0.0.1
include:config "y000000000096.cfg"
include:config "$mac.cfg"
