#!/usr/bin/env bash
# Stops the Apache and Dovecot that e2e/roundcube/setup.sh started (by their pid files). Packages and
# configuration stay; setup.sh starts them again in seconds.
set -uo pipefail
[ "$(id -u)" -eq 0 ] || { echo "roundcube-stop: run as root" >&2; exit 1; }

if [ -f /var/run/apache2/apache2.pid ] && kill -0 "$(cat /var/run/apache2/apache2.pid)" 2>/dev/null; then
  apache2ctl stop </dev/null >/dev/null 2>&1 && echo "roundcube-stop: apache stopped" || echo "roundcube-stop: apache2ctl stop failed" >&2
else
  echo "roundcube-stop: apache not running"
fi
if [ -f /run/dovecot/master.pid ] && kill -0 "$(cat /run/dovecot/master.pid)" 2>/dev/null; then
  doveadm stop </dev/null >/dev/null 2>&1 && echo "roundcube-stop: dovecot stopped" || echo "roundcube-stop: doveadm stop failed" >&2
else
  echo "roundcube-stop: dovecot not running"
fi
