extension SyscallSyntheticStream {
    static let programs: [(comm: String, exe: String, args: [String], uid: Int64)] = [
        ("nginx", "/usr/sbin/nginx", ["-g", "daemon off;"], 33), ("python3", "/usr/bin/python3", ["app.py", "--port", "8080"], 1000),
        ("java", "/usr/bin/java", ["-Xmx512m", "-jar", "/app/service.jar"], 1000), ("node", "/usr/local/bin/node", ["server.js"], 1000),
        ("redis-server", "/usr/bin/redis-server", ["*:6379"], 999), ("postgres", "/usr/lib/postgresql/15/bin/postgres", ["-D", "/var/lib/postgresql/data"], 70),
        ("sshd", "/usr/sbin/sshd", ["-D"], 0), ("kubelet", "/usr/bin/kubelet", ["--config=/var/lib/kubelet/config.yaml"], 0),
        ("containerd", "/usr/bin/containerd", [], 0), ("bash", "/bin/bash", [], 1000), ("sh", "/bin/sh", ["-c", "sleep 5"], 0),
        ("curl", "/usr/bin/curl", ["-s", "https://example.com/health"], 1000), ("ls", "/bin/ls", ["-la", "/tmp"], 1000),
        ("cat", "/bin/cat", ["/var/log/app.log"], 1000), ("grep", "/bin/grep", ["-r", "error", "/var/log"], 1000),
        ("ps", "/bin/ps", ["aux"], 0), ("cron", "/usr/sbin/cron", ["-f"], 0), ("systemd-journal", "/lib/systemd/systemd-journald", [], 0),
    ]

    static let containers: [SyscallContainerInfo] = {
        var out: [SyscallContainerInfo] = []
        let specs = [("3ad7b26ded6d", "nginx", "docker.io/library/nginx", "1.25", "web"),
                     ("9f1c2e7a8b3d", "redis", "docker.io/library/redis", "7.2", "cache"),
                     ("5b7e1d0c4f2a", "api", "ghcr.io/acme/api", "v2.3.1", "payments")]
        for (short, name, repository, tag, namespace) in specs {
            var info = SyscallContainerInfo(id: short + String(repeating: "0", count: 52))
            info.name = name
            info.imageRepository = repository
            info.imageTag = tag
            info.image = repository + ":" + tag
            info.privileged = false
            info.startTime = 1_699_999_000_000_000_000
            info.podName = name + "-7d9c6b5f4-x2k8p"
            info.namespace = namespace
            info.type = "containerd"
            out.append(info)
        }
        return out
    }()

    mutating func buildThreads() {
        var info = SyscallProcessInfo()
        info.tid = 1; info.pid = 1; info.ppid = 0; info.comm = "systemd"; info.exe = "/sbin/init"
        info.exePath = "/usr/lib/systemd/systemd"; info.cwd = "/"; info.uid = 0; info.gid = 0; info.sid = 1; info.vpgid = 1
        let root = SyscallThread(info: info, parent: nil, user: SyscallUserInfo(uid: 0, gid: 0, name: "root"))
        var pid: Int64 = 100
        for (index, program) in Self.programs.enumerated() {
            for copy in 0..<4 {
                pid += 1
                let container = copy == 0 ? nil : Self.containers[(index + copy) % Self.containers.count]
                let parentInfo = SyscallProcessInfo.child(of: root.info, pid: pid + 5000, comm: copy % 2 == 0 ? "bash" : "containerd-shim",
                                                          exe: copy % 2 == 0 ? "/bin/bash" : "/usr/bin/containerd-shim-runc-v2")
                let parent = SyscallThread(info: parentInfo, parent: root, user: SyscallUserInfo(uid: 0, gid: 0, name: "root"))
                var child = SyscallProcessInfo.child(of: parentInfo, pid: pid, comm: program.comm, exe: program.exe)
                child.args = program.args
                child.uid = program.uid
                child.gid = program.uid
                child.cwd = "/srv/app"
                child.loginUID = copy == 0 ? 1000 : -1
                child.containerID = container?.id ?? ""
                child.capEffective = program.uid == 0 ? 0x1FF_FFFF_FFFF : 0
                let user = SyscallUserInfo(uid: program.uid, gid: program.uid, name: program.uid == 0 ? "root" : "user\(program.uid)")
                threads.append(SyscallThread(info: child, parent: parent, user: user, group: user, container: container))
            }
        }
    }

    mutating func buildDescriptors() {
        let paths = ["/etc/ld.so.cache", "/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/locale/locale-archive",
                     "/proc/self/status", "/proc/meminfo", "/var/log/app.log", "/srv/app/config.yaml", "/tmp/upload.tmp",
                     "/usr/share/zoneinfo/UTC", "/etc/hosts", "/etc/resolv.conf", "/var/lib/redis/dump.rdb",
                     "/srv/app/static/index.html", "/dev/null", "/dev/urandom", "/etc/nsswitch.conf", "/etc/passwd",
                     "/var/run/secrets/kubernetes.io/serviceaccount/token"]
        for (index, path) in paths.enumerated() {
            var info = SyscallFDInfo(number: Int64(3 + index), type: .file, path: path)
            info.openFlags = path.hasPrefix("/tmp") || path.hasPrefix("/var/log") ? 2 | 4 | 4096 : 1 | 4096
            files.append(SyscallFD(info))
        }
        let endpoints: [([UInt8], UInt16)] = [([10, 96, 0, 1], 443), ([127, 0, 0, 1], 6379), ([10, 244, 1, 17], 5432),
                                              ([93, 184, 216, 34], 443), ([169, 254, 169, 254], 80), ([10, 0, 0, 12], 22)]
        for (index, endpoint) in endpoints.enumerated() {
            var info = SyscallFDInfo(number: Int64(40 + index), type: .ipv4)
            info.clientAddress = [10, 244, 0, UInt8(5 + index)]
            info.clientPort = UInt16(40_000 + index)
            info.serverAddress = endpoint.0
            info.serverPort = endpoint.1
            info.l4Protocol = .tcp
            info.isConnected = true
            sockets.append(SyscallFD(info))
        }
    }
}

extension SyscallProcessInfo {
    static func child(of parent: SyscallProcessInfo, pid: Int64, comm: String, exe: String) -> SyscallProcessInfo {
        var info = parent
        info.tid = pid
        info.pid = pid
        info.ppid = parent.pid
        info.vtid = pid
        info.vpid = pid
        info.comm = comm
        info.exe = exe
        info.exePath = exe
        info.args = []
        info.startTime = 1_699_999_500_000_000_000
        return info
    }
}
