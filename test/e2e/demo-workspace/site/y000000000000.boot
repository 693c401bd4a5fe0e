#!version:1.0.0.1
## Every phone of the office: the T54W settings, then the phone's own file
include:config "y000000000096.cfg"
include:config "$mac.cfg"
overwrite_mode = 1
