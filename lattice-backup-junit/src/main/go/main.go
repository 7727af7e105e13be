// Command lattice-control-plane runs a real Kubernetes control plane for tests: etcd (embedded,
// fsync off) and kube-apiserver (in the same process), both from their upstream Go modules, on
// loopback, with client-certificate authentication, service-account tokens and RBAC.
//
// It is driven over stdin and stdout by the Java test support (ControlPlane): when ready it prints
// one line "ready {json}" on stdout; then it reads one command per line from stdin and answers
// each with one line. When stdin reaches its end (the JVM exited, however it exited) or the process
// gets SIGTERM, it stops the API server and etcd and deletes its state directory. Being one process,
// it leaves nothing behind when it is killed.
//
// Commands:
//
//	compact            compact etcd at its current revision; answers "compacted <revision>"
//	user NAME [GROUP]… mint a client certificate; answers "kubeconfig <path>"
//	stop               stop now; answers nothing
package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
	"go.etcd.io/etcd/server/v3/embed"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"

	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	_ "time/tzdata"
)

// version is set at build time from the k8s.io/kubernetes module version.
var version = "unknown"

type ready struct {
	Server            string `json:"server"`
	AdminKubeconfig   string `json:"adminKubeconfig"`
	CACertificate     string `json:"caCertificate"`
	AuditLog          string `json:"auditLog"`
	Etcd              string `json:"etcd"`
	KubernetesVersion string `json:"kubernetesVersion"`
	Pid               int    `json:"pid"`
}

func main() {
	dir := flag.String("dir", "", "state directory (created; deleted on exit)")
	startTimeout := flag.Duration("start-timeout", 3*time.Minute, "how long to wait for /readyz")
	flag.Parse()
	if *dir == "" {
		fail("--dir is required")
	}
	extra := flag.Args() // passed on to kube-apiserver, after ours, so they win
	if err := run(*dir, *startTimeout, extra); err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "lattice-control-plane: "+msg)
	fmt.Println("failed " + strings.ReplaceAll(msg, "\n", " "))
	os.Exit(1)
}

func run(dir string, startTimeout time.Duration, extra []string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	pki, err := newPKI(dir)
	if err != nil {
		return fmt.Errorf("certificates: %w", err)
	}

	etcdURL, etcdServer, err := startEtcd(filepath.Join(dir, "etcd"))
	if err != nil {
		return fmt.Errorf("etcd: %w", err)
	}

	port, err := freePort()
	if err != nil {
		return err
	}
	server := fmt.Sprintf("https://127.0.0.1:%d", port)
	auditLog := filepath.Join(dir, "audit.log")
	policy := filepath.Join(dir, "audit-policy.yaml")
	if err := os.WriteFile(policy, []byte(auditPolicy), 0o600); err != nil {
		return err
	}
	args := []string{
		"--etcd-servers=" + etcdURL,
		"--secure-port=" + strconv.Itoa(port),
		"--bind-address=127.0.0.1",
		"--advertise-address=127.0.0.1",
		// Loopback is not a valid endpoint for the "kubernetes" Service; nothing here needs it.
		"--endpoint-reconciler-type=none",
		"--tls-cert-file=" + pki.serverCert,
		"--tls-private-key-file=" + pki.serverKey,
		"--client-ca-file=" + pki.caCert,
		"--authorization-mode=RBAC",
		"--service-cluster-ip-range=10.0.0.0/24",
		"--service-account-issuer=" + server,
		"--service-account-key-file=" + pki.saPublic,
		"--service-account-signing-key-file=" + pki.saPrivate,
		"--audit-policy-file=" + policy,
		"--audit-log-path=" + auditLog,
		"--audit-log-format=json",
		"--audit-log-mode=blocking",
		"--profiling=false",
		"--cert-dir=" + filepath.Join(dir, "serving"),
	}
	args = append(args, extra...)

	cmd := app.NewAPIServerCommand()
	cmd.SetArgs(args)
	apiserverDone := make(chan error, 1)
	go func() { apiserverDone <- cmd.Execute() }()

	admin, err := pki.kubeconfig(server, "admin", []string{"system:masters"})
	if err != nil {
		return err
	}
	if err := waitReady(server, pki, startTimeout, apiserverDone); err != nil {
		return err
	}

	line, _ := json.Marshal(ready{
		Server: server, AdminKubeconfig: admin, CACertificate: pki.caCert, AuditLog: auditLog,
		Etcd: etcdURL, KubernetesVersion: version, Pid: os.Getpid(),
	})
	out := newReplies()
	out.send("ready " + string(line))

	stdinDone := make(chan struct{})
	go serveCommands(etcdURL, server, pki, out, stdinDone)
	var stopped error
	select {
	case <-stdinDone:
	case err := <-apiserverDone:
		if err != nil {
			stopped = fmt.Errorf("kube-apiserver stopped: %w", err)
		}
	}
	// Everything is thrown away: give etcd a moment to close (its graceful close waits for the API
	// server's open watches), then go, whatever it is doing.
	closed := make(chan struct{})
	go func() { etcdServer.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(3 * time.Second):
	}
	return stopped
}

// replies serialises the lines written on stdout.
type replies struct{ mu sync.Mutex }

func newReplies() *replies { return &replies{} }

func (r *replies) send(line string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Println(line)
}

func serveCommands(etcdURL, server string, pki *pki, out *replies, done chan<- struct{}) {
	defer close(done)
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		fields := strings.Fields(in.Text())
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "stop":
			return
		case "compact":
			rev, err := compact(etcdURL)
			if err != nil {
				out.send("error " + err.Error())
			} else {
				out.send("compacted " + strconv.FormatInt(rev, 10))
			}
		case "user":
			if len(fields) < 2 {
				out.send("error usage: user NAME [GROUP]...")
				continue
			}
			path, err := pki.kubeconfig(server, fields[1], fields[2:])
			if err != nil {
				out.send("error " + err.Error())
			} else {
				out.send("kubeconfig " + path)
			}
		default:
			out.send("error unknown command " + fields[0])
		}
	}
}

// compact compacts etcd at its current revision, so that every watch from an older
// resourceVersion is answered 410 Gone (when the API server's watch cache is off).
func compact(etcdURL string) (int64, error) {
	cli, err := clientv3.New(clientv3.Config{Endpoints: []string{etcdURL}, DialTimeout: 5 * time.Second})
	if err != nil {
		return 0, err
	}
	defer cli.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	status, err := cli.Get(ctx, "compact_rev_key")
	if err != nil {
		return 0, err
	}
	rev := status.Header.Revision
	if _, err := cli.Compact(ctx, rev, clientv3.WithCompactPhysical()); err != nil {
		return 0, err
	}
	return rev, nil
}

func startEtcd(dir string) (string, *embed.Etcd, error) {
	clientPort, err := freePort()
	if err != nil {
		return "", nil, err
	}
	peerPort, err := freePort()
	if err != nil {
		return "", nil, err
	}
	client, _ := url.Parse(fmt.Sprintf("http://127.0.0.1:%d", clientPort))
	peer, _ := url.Parse(fmt.Sprintf("http://127.0.0.1:%d", peerPort))
	cfg := embed.NewConfig()
	cfg.Dir = dir
	cfg.ListenClientUrls = []url.URL{*client}
	cfg.AdvertiseClientUrls = []url.URL{*client}
	cfg.ListenPeerUrls = []url.URL{*peer}
	cfg.AdvertisePeerUrls = []url.URL{*peer}
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)
	cfg.UnsafeNoFsync = true
	cfg.LogLevel = "error"
	cfg.LogOutputs = []string{"stderr"}
	e, err := embed.StartEtcd(cfg)
	if err != nil {
		return "", nil, err
	}
	select {
	case <-e.Server.ReadyNotify():
		return client.String(), e, nil
	case err := <-e.Err():
		e.Close()
		return "", nil, err
	case <-time.After(time.Minute):
		e.Close()
		return "", nil, errors.New("not ready after a minute")
	}
}

func waitReady(server string, pki *pki, timeout time.Duration, apiserverDone <-chan error) error {
	cert, err := tls.LoadX509KeyPair(pki.adminCert, pki.adminKey)
	if err != nil {
		return err
	}
	roots := x509.NewCertPool()
	caPEM, err := os.ReadFile(pki.caCert)
	if err != nil {
		return err
	}
	roots.AppendCertsFromPEM(caPEM)
	client := &http.Client{
		Timeout: 5 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{
			Certificates: []tls.Certificate{cert}, RootCAs: roots,
		}},
	}
	deadline := time.Now().Add(timeout)
	last := "no answer"
	for time.Now().Before(deadline) {
		select {
		case err := <-apiserverDone:
			return fmt.Errorf("kube-apiserver exited before it was ready: %v", err)
		default:
		}
		resp, err := client.Get(server + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			last = resp.Status
		} else {
			last = err.Error()
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("kube-apiserver not ready after %s (last: %s)", timeout, last)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

const auditPolicy = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
  - level: Metadata
`

// pki holds the files of a throw-away certificate authority: one CA signs the serving
// certificate and every client certificate; a separate RSA key signs service-account tokens.
type pki struct {
	dir                   string
	ca                    *x509.Certificate
	caKey                 *ecdsa.PrivateKey
	caCert                string
	serverCert, serverKey string
	adminCert, adminKey   string
	saPublic, saPrivate   string
	serial                int64
	mu                    sync.Mutex
}

func newPKI(dir string) (*pki, error) {
	p := &pki{dir: filepath.Join(dir, "pki"), serial: 1}
	if err := os.MkdirAll(p.dir, 0o700); err != nil {
		return nil, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "lattice-control-plane-ca"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(7 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	p.ca, _ = x509.ParseCertificate(der)
	p.caKey = key
	p.caCert = filepath.Join(p.dir, "ca.crt")
	if err := writePEM(p.caCert, "CERTIFICATE", der); err != nil {
		return nil, err
	}
	p.serverCert, p.serverKey, err = p.issue("kube-apiserver", nil, true)
	if err != nil {
		return nil, err
	}
	p.adminCert, p.adminKey, err = p.issue("admin", []string{"system:masters"}, false)
	if err != nil {
		return nil, err
	}
	sa, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	p.saPrivate = filepath.Join(p.dir, "sa.key")
	p.saPublic = filepath.Join(p.dir, "sa.pub")
	if err := writePEM(p.saPrivate, "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(sa)); err != nil {
		return nil, err
	}
	pub, err := x509.MarshalPKIXPublicKey(&sa.PublicKey)
	if err != nil {
		return nil, err
	}
	return p, writePEM(p.saPublic, "PUBLIC KEY", pub)
}

// issue writes a certificate and its RSA key (PKCS#1, which every Java client reads without
// extra providers). Client certificates carry the user name as CN and the groups as O.
func (p *pki) issue(name string, groups []string, serving bool) (string, string, error) {
	p.mu.Lock()
	p.serial++
	serial := p.serial
	p.mu.Unlock()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return "", "", err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject:      pkix.Name{CommonName: name, Organization: groups},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(7 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
	}
	if serving {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		tmpl.IPAddresses = []net.IP{net.ParseIP("127.0.0.1")}
		tmpl.DNSNames = []string{"localhost"}
	} else {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, p.ca, &key.PublicKey, p.caKey)
	if err != nil {
		return "", "", err
	}
	base := filepath.Join(p.dir, fmt.Sprintf("%d-%s", serial, sanitize(name)))
	if err := writePEM(base+".crt", "CERTIFICATE", der); err != nil {
		return "", "", err
	}
	if err := writePEM(base+".key", "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(key)); err != nil {
		return "", "", err
	}
	return base + ".crt", base + ".key", nil
}

// kubeconfig mints a client certificate for the user and writes a kubeconfig that embeds it.
func (p *pki) kubeconfig(server, user string, groups []string) (string, error) {
	crt, key, err := p.issue(user, groups, false)
	if err != nil {
		return "", err
	}
	read := func(f string) (string, error) {
		b, err := os.ReadFile(f)
		return string(b), err
	}
	ca, err := read(p.caCert)
	if err != nil {
		return "", err
	}
	certPEM, err := read(crt)
	if err != nil {
		return "", err
	}
	keyPEM, err := read(key)
	if err != nil {
		return "", err
	}
	cfg := map[string]any{
		"apiVersion": "v1",
		"kind":       "Config",
		"clusters": []any{map[string]any{"name": "lattice", "cluster": map[string]any{
			"server": server, "certificate-authority-data": b64(ca)}}},
		"users": []any{map[string]any{"name": user, "user": map[string]any{
			"client-certificate-data": b64(certPEM), "client-key-data": b64(keyPEM)}}},
		"contexts": []any{map[string]any{"name": "lattice", "context": map[string]any{
			"cluster": "lattice", "user": user}}},
		"current-context": "lattice",
	}
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return "", err
	}
	path := strings.TrimSuffix(crt, ".crt") + ".kubeconfig"
	return path, os.WriteFile(path, b, 0o600)
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, s)
}

func writePEM(path, kind string, der []byte) error {
	return os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600)
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
