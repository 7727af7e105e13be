// Command urlcorpus records what Go's net/url and net/netip make of each endpoint read from
// standard input (one per line), as tab-separated columns:
//
//	endpoint, parsed (ok|error), hostname, port, user info present, query present,
//	fragment present, the hostname read by netip.ParseAddr (or "-")
//
// Velero and its object-store plugins are Go programs, so the library's endpoint parser is
// checked against this record (EndpointGoCorpusTest). Regenerate with
//
//	go run ./lattice-backup-model/src/test/go/urlcorpus \
//	  < lattice-backup-model/src/test/resources/dev/lattice/backup/model/validation/go-url-corpus.in \
//	  > lattice-backup-model/src/test/resources/dev/lattice/backup/model/validation/go-url-corpus.tsv
package main

import (
	"bufio"
	"fmt"
	"net/netip"
	"net/url"
	"os"
	"strings"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		line := in.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := url.Parse(line)
		if err != nil {
			fmt.Fprintf(out, "%s\terror\t-\t-\t-\t-\t-\t-\n", line)
			continue
		}
		addr := "-"
		if a, err := netip.ParseAddr(u.Hostname()); err == nil {
			addr = a.String()
		}
		fmt.Fprintf(out, "%s\tok\t%s\t%s\t%t\t%t\t%t\t%s\n",
			line, dash(u.Hostname()), dash(u.Port()), u.User != nil,
			u.RawQuery != "" || u.ForceQuery, u.Fragment != "" || strings.Contains(line, "#"), addr)
	}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
