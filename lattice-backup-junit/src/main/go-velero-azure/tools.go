//go:build tools

// Package tools pins the Azure object store plugin for Velero, built from its upstream Go module
// (see VeleroBinaries). It has a module of its own so that its dependencies (the Azure SDK and
// the CSI driver it vendors in) never move the versions the Velero server is built with.
package tools

import (
	_ "github.com/vmware-tanzu/velero-plugin-for-microsoft-azure/velero-plugin-for-microsoft-azure"
)
