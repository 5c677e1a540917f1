#!/usr/bin/env bash
# Installs and starts a real Roundcube webmail on loopback for e2e/roundcube.e2e.ts:
#   http://127.0.0.1/roundcube/  (Apache + mod_php, 127.0.0.1:80 only)
#   IMAP 127.0.0.1:143           (Dovecot, one test mailbox, maildir)
# Login: prospect / prospect-guard-test (override with RC_USER / RC_PASS).
# Debian 12, run as root, no systemd needed: Apache and Dovecot are started directly. Idempotent: a second run
# re-applies the configuration and reloads both daemons. Stop them with e2e/roundcube/stop.sh.
set -euo pipefail

RC_USER="${RC_USER:-prospect}"
RC_PASS="${RC_PASS:-prospect-guard-test}"
RC_URL="http://127.0.0.1/roundcube/"
MAIL_HOME="/var/lib/prospect-guard-mail"
PACKAGES=(roundcube roundcube-sqlite3 apache2 libapache2-mod-php dovecot-imapd curl)
T0=$(date +%s)

step() { echo "roundcube-setup [$(( $(date +%s) - T0 ))s] $*"; }
die() { echo "roundcube-setup: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (it installs Debian packages and starts Apache and Dovecot)"
command -v apt-get >/dev/null || die "needs a Debian system with apt-get"
case "$RC_USER$RC_PASS" in *[!A-Za-z0-9._-]*) die "RC_USER and RC_PASS may only hold letters, digits, '.', '_' and '-'";; esac

# ---------------------------------------------------------------- packages
missing=()
for p in "${PACKAGES[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" = "install ok installed" ] || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  step "preseeding debconf (roundcube: dbconfig with sqlite3, no web server reconfiguration)"
  debconf-set-selections <<'SEL'
roundcube-core roundcube/dbconfig-install boolean true
roundcube-core roundcube/database-type select sqlite3
roundcube-core roundcube/hosts string localhost:143
roundcube-core roundcube/reconfigure-webserver multiselect
roundcube-core roundcube/restart-webserver boolean false
roundcube-core roundcube/language select en_US
SEL
  # Keep maintainer scripts from starting daemons during the install (no init system here); restored on exit.
  policy_added=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && policy_added=1
    trap '[ -n "$policy_added" ] && rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  step "apt-get update"
  apt-get update -qq || die "apt-get update failed"
  step "installing ${missing[*]} (this is the slow step)"
  apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/tmp/roundcube-setup-apt.log 2>&1 \
    || { tail -n 30 /tmp/roundcube-setup-apt.log >&2; die "apt-get install failed (log: /tmp/roundcube-setup-apt.log)"; }
  if [ -n "$policy_added" ]; then rm -f /usr/sbin/policy-rc.d; policy_added=""; fi
else
  step "packages already installed"
fi
[ -f /etc/roundcube/debian-db.php ] || die "roundcube's dbconfig include /etc/roundcube/debian-db.php is missing (debconf preseed not applied?)"
db_file=$(ls /var/lib/dbconfig-common/sqlite3/roundcube/roundcube 2>/dev/null || true)
[ -n "$db_file" ] || die "roundcube's sqlite database was not created under /var/lib/dbconfig-common/sqlite3/roundcube/"

# ---------------------------------------------------------------- dovecot
step "configuring dovecot: IMAP on 127.0.0.1:143, user '$RC_USER', maildir in $MAIL_HOME"
if ! id -u "$RC_USER" >/dev/null 2>&1; then
  useradd --system --home-dir "$MAIL_HOME/$RC_USER" --no-create-home --shell /usr/sbin/nologin "$RC_USER"
fi
uid=$(id -u "$RC_USER"); gid=$(id -g "$RC_USER")
install -d -o "$RC_USER" -g "$RC_USER" -m 0700 "$MAIL_HOME" "$MAIL_HOME/$RC_USER"
install -d -o root -g dovecot -m 0750 /etc/dovecot/prospect-guard
printf '%s:{PLAIN}%s:%s:%s::%s\n' "$RC_USER" "$RC_PASS" "$uid" "$gid" "$MAIL_HOME/$RC_USER" > /etc/dovecot/prospect-guard/users
chown root:dovecot /etc/dovecot/prospect-guard/users && chmod 0640 /etc/dovecot/prospect-guard/users
# dovecot.conf ends with `!include_try local.conf`: settings here override conf.d/.
cat > /etc/dovecot/local.conf <<CONF
# Written by prospect-guard e2e/roundcube/setup.sh: a loopback-only test mailbox.
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = $uid
last_valid_uid = $uid
mail_location = maildir:~/Maildir
log_path = /var/log/dovecot.log
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n /etc/dovecot/prospect-guard/users
}
userdb {
  driver = passwd-file
  args = username_format=%n /etc/dovecot/prospect-guard/users
}
namespace inbox {
  inbox = yes
  mailbox Drafts {
    special_use = \Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \Junk
    auto = subscribe
  }
}
CONF
# The stock auth-system.conf.ext (PAM) would add a second passdb; keep only ours.
sed -i 's/^!include auth-system\.conf\.ext/#!include auth-system.conf.ext/' /etc/dovecot/conf.d/10-auth.conf
# No TLS on loopback: the stock 10-ssl.conf reads a certificate that --no-install-recommends (no ssl-cert) never makes.
sed -i -E 's/^(ssl_(cert|key) = <)/#\1/' /etc/dovecot/conf.d/10-ssl.conf
doveconf -n >/dev/null 2>/tmp/roundcube-setup-doveconf.err || { cat /tmp/roundcube-setup-doveconf.err >&2; die "dovecot configuration is invalid"; }

# Daemons get /dev/null as stdio: one that inherited our stdout would keep a caller's pipe (`setup.sh | tee`) open.
step "starting dovecot"
if [ -f /run/dovecot/master.pid ] && kill -0 "$(cat /run/dovecot/master.pid)" 2>/dev/null; then
  doveadm reload </dev/null >/dev/null 2>&1 || die "dovecot reload failed"
else
  dovecot </dev/null >/dev/null 2>/tmp/roundcube-setup-dovecot.err \
    || { cat /tmp/roundcube-setup-dovecot.err >&2; die "dovecot did not start (see /var/log/dovecot.log)"; }
fi

# ---------------------------------------------------------------- roundcube
step "configuring roundcube (/etc/roundcube/config.inc.php)"
conf=/etc/roundcube/config.inc.php
marker='// prospect-guard e2e settings'
if ! grep -qF "$marker" "$conf"; then
  cat >> "$conf" <<'PHP'

// prospect-guard e2e settings (appended by e2e/roundcube/setup.sh; later assignments win)
$config['imap_host'] = 'localhost:143';
$config['smtp_host'] = 'localhost:25';
$config['product_name'] = 'Roundcube (Prospect Guard e2e)';
$config['skin'] = 'elastic';
$config['plugins'] = [];
$config['language'] = 'fr_FR';
// Compose in HTML (TinyMCE) by default; the compose screen's editor switch still offers plain text.
$config['htmleditor'] = 1;
$config['draft_autosave'] = 0;
$config['enable_spellcheck'] = false;
$config['ip_check'] = false;
$config['login_rate_limit'] = 0;
$config['log_driver'] = 'file';
PHP
fi
php -l "$conf" >/dev/null || die "$conf has a PHP syntax error"

# ---------------------------------------------------------------- apache
step "configuring apache: 127.0.0.1:80 only, /roundcube -> /var/lib/roundcube/public_html"
cat > /etc/apache2/ports.conf <<'CONF'
# Written by prospect-guard e2e/roundcube/setup.sh: loopback only.
Listen 127.0.0.1:80
CONF
cat > /etc/apache2/conf-available/prospect-guard-roundcube.conf <<'CONF'
# Written by prospect-guard e2e/roundcube/setup.sh.
ServerName 127.0.0.1
Alias /roundcube /var/lib/roundcube/public_html
CONF
ln -sfT /etc/roundcube/apache.conf /etc/apache2/conf-available/roundcube.conf
a2enconf -q roundcube prospect-guard-roundcube >/dev/null
if [ ! -e /etc/apache2/mods-enabled/php8.2.load ]; then
  a2dismod -q mpm_event >/dev/null 2>&1 || true
  a2enmod -q mpm_prefork php8.2 >/dev/null
fi
apache2ctl configtest 2>/tmp/roundcube-setup-apache.err || { cat /tmp/roundcube-setup-apache.err >&2; die "apache configuration is invalid"; }

step "starting apache"
if [ -f /var/run/apache2/apache2.pid ] && kill -0 "$(cat /var/run/apache2/apache2.pid)" 2>/dev/null; then
  apache2ctl graceful </dev/null >/dev/null 2>&1 || die "apache graceful restart failed"
else
  rm -f /var/run/apache2/apache2.pid
  apache2ctl start </dev/null >/dev/null 2>/tmp/roundcube-setup-apache.err \
    || { cat /tmp/roundcube-setup-apache.err >&2; die "apache did not start (see /var/log/apache2/error.log)"; }
fi

# ---------------------------------------------------------------- checks
step "waiting for the login page at $RC_URL"
ok=""
for _ in $(seq 1 60); do
  page=$(curl -fsS --max-time 3 "$RC_URL" 2>/dev/null || true)
  if [[ "$page" == *'name="_user"'* ]]; then ok=1; break; fi
  sleep 0.5
done
[ -n "$ok" ] || die "no Roundcube login page at $RC_URL (see /var/log/apache2/error.log and /var/log/roundcube/errors.log)"

step "checking the IMAP login of '$RC_USER'"
imap_ok=""
for _ in $(seq 1 20); do
  reply=$(printf 'a1 LOGIN %s %s\r\na2 SELECT INBOX\r\na3 LOGOUT\r\n' "$RC_USER" "$RC_PASS" \
    | timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/143; cat >&3; cat <&3' 2>/dev/null || true)
  if [[ "$reply" == *$'\na2 OK'* ]]; then imap_ok=1; break; fi
  sleep 0.5
done
[ -n "$imap_ok" ] || die "IMAP login as '$RC_USER' on 127.0.0.1:143 failed (see /var/log/dovecot.log)"

step "ready: $RC_URL user=$RC_USER password=$RC_PASS"
