//go:build tools

// Package tools pins fake-gcs-server, the GCS emulator of the Velero end-to-end tests.
package tools

import _ "github.com/fsouza/fake-gcs-server"
