//go:build tools

// Package tools pins the programs the Velero end-to-end tests run: the Velero server and the AWS
// object store plugin, both built from their upstream Go modules (see VeleroBinaries).
package tools

import (
	_ "github.com/vmware-tanzu/velero-plugin-for-aws/velero-plugin-for-aws"
	_ "github.com/vmware-tanzu/velero/cmd/velero"
	_ "github.com/vmware-tanzu/velero-plugin-for-gcp/velero-plugin-for-gcp"
)
