import Foundation
@testable import Posture

/// A temporary directory tree for node benchmark tests: a fake node root and a cfg directory.
struct NodeBenchmarkFixture {
    let base: URL

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("palisade-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    }

    var nodeRoot: String { base.appendingPathComponent("node").path }
    var cfg: String { base.appendingPathComponent("cfg").path }

    /// Writes `text` at `relative` under the fake tree, with a file mode.
    func write(_ relative: String, _ text: String, mode: Int = 0o644) throws {
        let url = base.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    func remove() { try? FileManager.default.removeItem(at: base) }

    static let config = """
    node:
      components: [kubelet, proxy]
      kubelet:
        bins: ["hyperkube kubelet", "kubelet"]
        confs: [/var/lib/kubelet/config.yaml]
        defaultconf: /var/lib/kubelet/config.yaml
        svc: [/etc/systemd/system/kubelet.service]
        defaultsvc: /etc/systemd/system/kubelet.service
      proxy:
        optional: true
        bins: [kube-proxy]
    master:
      components: [apiserver]
      apiserver:
        bins: [kube-apiserver]
    version_mapping:
      "1.30": "test-1.0"
    target_mapping:
      "test-1.0": [node, master]
    """

    static let node = """
    ---
    controls:
    version: "test-1.0"
    id: 4
    text: "Worker Node"
    type: "node"
    groups:
      - id: 4.1
        text: "Files"
        checks:
          - id: 4.1.1
            text: "kubelet config mode"
            audit: "/bin/sh -c 'if test -e $kubeletconf; then stat -c permissions=%a $kubeletconf; fi'"
            tests:
              test_items:
                - flag: "permissions"
                  compare:
                    op: bitmask
                    value: "600"
            remediation: "chmod 600 $kubeletconf"
            scored: true
      - id: 4.2
        text: "Kubelet"
        checks:
          - id: 4.2.1
            text: "anonymous auth off"
            audit: "echo $kubeletbin"
            audit_config: "cat $kubeletconf"
            tests:
              test_items:
                - flag: "--anonymous-auth"
                  path: "{.authentication.anonymous.enabled}"
                  compare:
                    op: eq
                    value: false
            remediation: "set it"
            scored: true
          - id: 4.2.2
            text: "read-only port off"
            audit: "echo $kubeletbin"
            audit_config: "cat $kubeletconf"
            tests:
              bin_op: or
              test_items:
                - path: "{.readOnlyPort}"
                  compare:
                    op: eq
                    value: 0
                - path: "{.readOnlyPort}"
                  set: false
            remediation: "set readOnlyPort: 0"
            scored: false
          - id: 4.2.3
            text: "manual review"
            type: manual
            remediation: "look"
            scored: false
          - id: 4.2.4
            text: "skipped"
            type: skip
            scored: true
          - id: 4.2.5
            text: "audit fails"
            audit: "cat $kubeletsvc.missing"
            tests:
              test_items:
                - flag: "x"
            remediation: "fix"
            scored: true
          - id: 4.2.6
            text: "env check"
            audit: "echo $kubeletbin"
            tests:
              test_items:
                - flag: "--seen"
                  env: "SEEN"
            scored: false
    """

    /// Writes the cfg dir and a node with a kubelet config; returns the runner options.
    func makeCfg(kubeletConfig: String, mode: Int) throws {
        try write("cfg/config.yaml", Self.config)
        try write("cfg/test-1.0/node.yaml", Self.node)
        try write("node/var/lib/kubelet/config.yaml", kubeletConfig, mode: mode)
        try write("node/etc/systemd/system/kubelet.service", "[Service]\n", mode: 0o600)
    }
}

/// Answers `/bin/ps -fC NAME` audits from a fake process list (ps -f columns,
/// then the command line); every other audit runs for real.
struct NodeBenchmarkFakePS: BenchAuditRunner {
    let processes: BenchStaticProcessList
    let real = BenchCommandRunner(timeoutSeconds: 10)

    func run(_ command: String) -> BenchAuditResult {
        let prefix = "/bin/ps -fC "
        guard command.hasPrefix(prefix) else { return real.run(command) }
        let name = String(command.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        let lines = processes.commandLines(named: name)
        guard !lines.isEmpty else { return BenchAuditResult(output: "UID PID PPID C STIME TTY TIME CMD\n", error: "exit status 1", status: 1) }
        let rows = lines.enumerated().map { "root \(100 + $0.offset) 1 0 10:00 ? 00:00:01 \($0.element)" }
        return BenchAuditResult(output: (["UID PID PPID C STIME TTY TIME CMD"] + rows).joined(separator: "\n") + "\n")
    }
}
