#!/bin/sh
# The RS test's recovery script, run as: sh scripted.sh LABEL REASON COUNT.
# It notes its arguments, restarts the service after its first failure
# and declines after any later one.
echo "$1 $2 $3" >>/tmp/scripted.log
if [ "$3" = 0 ]; then
	service restart "$1"
fi
