#!/bin/sh
# Answers the handshake with something that is not JSON.
read line
echo "Hello! I am definitely a plugin."
exec sleep 5
