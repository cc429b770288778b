#!/bin/sh
# Reads the handshake, complains, and exits with status 3.
read line
echo "boom: out of cheese" >&2
exit 3
