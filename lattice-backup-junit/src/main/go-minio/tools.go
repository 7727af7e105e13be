//go:build tools

// Package tools pins MinIO's server, built from its upstream Go module (see VeleroBinaries) for
// the S3-compatible tests. MinIO is AGPL-3.0: it is built and run locally by the tests, never
// linked into or shipped with the library.
package tools

import (
	_ "github.com/minio/minio"
)
