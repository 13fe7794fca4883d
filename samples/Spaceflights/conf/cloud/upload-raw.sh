#!/usr/bin/env bash
# Uploads the sample's raw data (data/01_raw) to Blob Storage, container "spaceflights", for the `cloud` environment.
# Needs curl and openssl. Reads the same variables as conf/cloud/credentials.yml:
#   SPACEFLIGHTS_BLOB_ENDPOINT   default http://127.0.0.1:10000/devstoreaccount1 (Azurite)
#   SPACEFLIGHTS_STORAGE_ACCOUNT default devstoreaccount1
#   SPACEFLIGHTS_STORAGE_KEY     the account key (for Azurite, its documented development key)
set -euo pipefail
cd "$(dirname "$0")/../.."

endpoint="${SPACEFLIGHTS_BLOB_ENDPOINT:-http://127.0.0.1:10000/devstoreaccount1}"
account="${SPACEFLIGHTS_STORAGE_ACCOUNT:-devstoreaccount1}"
key="${SPACEFLIGHTS_STORAGE_KEY:?set SPACEFLIGHTS_STORAGE_KEY to the storage account key}"
container=spaceflights
version=2021-12-02

# Shared Key authorization (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).
request() { # method, path under the endpoint, query ("" or "restype=container"), file ("" for none)
  local method=$1 path=$2 query=$3 file=$4
  local date length="" content_type="" blob_type="" canonical_query=""
  date=$(LC_ALL=C TZ=GMT date '+%a, %d %b %Y %H:%M:%S GMT')
  [ -n "$file" ] && { length=$(wc -c <"$file" | tr -d ' '); content_type=application/octet-stream; blob_type="x-ms-blob-type:BlockBlob\n"; }
  [ -n "$query" ] && canonical_query="\n${query/=/:}"
  local resource_path="${endpoint#*://}"; resource_path="/${resource_path#*/}"
  [ "$resource_path" = "/${endpoint#*://}" ] && resource_path=""
  local to_sign="${method}\n\n\n${length}\n\n${content_type}\n\n\n\n\n\n\n${blob_type}x-ms-date:${date}\nx-ms-version:${version}\n/${account}${resource_path}/${path}${canonical_query}"
  local signature
  signature=$(printf '%b' "$to_sign" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(printf '%s' "$key" | base64 -d | xxd -p -c 256)" -binary | base64)
  local args=(-sS -o /dev/null -w '%{http_code}' -X "$method" -H "x-ms-date: $date" -H "x-ms-version: $version"
    -H "Authorization: SharedKey $account:$signature")
  if [ -n "$file" ]; then args+=(-H "x-ms-blob-type: BlockBlob" -H "Content-Type: $content_type" --data-binary "@$file"); else args+=(-H "Content-Length: 0"); fi
  curl "${args[@]}" "$endpoint/$path${query:+?$query}"
}

status=$(request PUT "$container" "restype=container" "")
case "$status" in 201|409) ;; *) echo "creating container '$container' failed: HTTP $status" >&2; exit 1 ;; esac
for file in companies.csv reviews.csv shuttles.xlsx; do
  status=$(request PUT "$container/01_raw/$file" "" "data/01_raw/$file")
  [ "$status" = 201 ] || { echo "uploading $file failed: HTTP $status" >&2; exit 1; }
  echo "uploaded data/01_raw/$file to $container/01_raw/$file"
done
