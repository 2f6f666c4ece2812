#!/bin/sh
# Regenerates (with certtool, of gnutls-bin) the test PKI of virnettlstest and remotetest: two CAs, a
# server certificate for localhost/127.0.0.1, client certificates signed
# by each CA.  Nothing expires (certtool's expiration_days = -1 gives
# 9999-12-31), so the files can stay checked in.
set -e
cd "$(dirname "$0")"
gen() { certtool --generate-privkey --key-type=rsa --bits=2048 --outfile "$1" 2>/dev/null; }
tmpl() { printf '%s\n' "$@" > tmpl.cfg; }

gen cakey.pem
tmpl 'cn = nuvirt test CA' 'ca' 'cert_signing_key' 'expiration_days = -1'
certtool --generate-self-signed --load-privkey cakey.pem --template tmpl.cfg --outfile cacert.pem 2>/dev/null

gen otherkey.pem
tmpl 'cn = nuvirt other CA' 'ca' 'cert_signing_key' 'expiration_days = -1'
certtool --generate-self-signed --load-privkey otherkey.pem --template tmpl.cfg --outfile othercacert.pem 2>/dev/null

gen serverkey.pem
tmpl 'organization = nuvirt' 'cn = localhost' 'dns_name = localhost' 'ip_address = 127.0.0.1' \
     'tls_www_server' 'encryption_key' 'signing_key' 'expiration_days = -1'
certtool --generate-certificate --load-privkey serverkey.pem --load-ca-certificate cacert.pem \
     --load-ca-privkey cakey.pem --template tmpl.cfg --outfile servercert.pem 2>/dev/null

gen clientkey.pem
tmpl 'organization = nuvirt' 'cn = client1' 'tls_www_client' 'encryption_key' 'signing_key' 'expiration_days = -1'
certtool --generate-certificate --load-privkey clientkey.pem --load-ca-certificate cacert.pem \
     --load-ca-privkey cakey.pem --template tmpl.cfg --outfile clientcert.pem 2>/dev/null

tmpl 'organization = nuvirt' 'cn = stranger' 'tls_www_client' 'encryption_key' 'signing_key' 'expiration_days = -1'
certtool --generate-certificate --load-privkey clientkey.pem --load-ca-certificate othercacert.pem \
     --load-ca-privkey otherkey.pem --template tmpl.cfg --outfile strangercert.pem 2>/dev/null
rm -f tmpl.cfg
