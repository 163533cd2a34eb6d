#!/usr/bin/env bash
# Mints an RS256-signed JWT for trying the service (openssl only). Never use it as an identity provider.
# Usage: deploy/mint-token.sh PRIVATE_KEY.pem [GROUP] [ISSUER] [AUDIENCE] [LIFETIME_SECONDS]
#   GROUP     sourcing-planner (default) or sourcing-admin; several: "sourcing-admin,sourcing-planner"
#   ISSUER    must equal the service's MP_JWT_VERIFY_ISSUER   (default https://issuer.example)
#   AUDIENCE  must be one of MP_JWT_VERIFY_AUDIENCES          (default sourcing-optimizer)
# A key pair: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out private.pem
#             openssl pkey -in private.pem -pubout -out public.pem   (the service reads public.pem)
set -euo pipefail
key="${1:?usage: mint-token.sh PRIVATE_KEY.pem [GROUP] [ISSUER] [AUDIENCE] [LIFETIME_SECONDS]}"
group="${2:-sourcing-planner}"
issuer="${3:-https://issuer.example}"
audience="${4:-sourcing-optimizer}"
lifetime="${5:-3600}"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
groups_json=$(printf '%s' "$group" | awk -F, '{for (i = 1; i <= NF; i++) printf "%s\"%s\"", (i > 1 ? "," : ""), $i}')
header='{"alg":"RS256","typ":"JWT"}'
payload=$(printf '{"iss":"%s","aud":"%s","sub":"try-out","upn":"try-out@example","groups":[%s],"iat":%d,"nbf":%d,"exp":%d,"jti":"%s"}' \
  "$issuer" "$audience" "$groups_json" "$now" "$now" "$((now + lifetime))" "$(openssl rand -hex 16)")
signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s\n' "$signing_input" "$signature"
