#!version:1.0.0.1
## Boot file: which configuration files every phone loads
include:config <y000000000096.cfg>
include:config "0015651234ab.cfg"
overwrite_mode = 1
