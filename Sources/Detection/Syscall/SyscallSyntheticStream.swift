/// A deterministic stream of realistic syscall exit events (host daemons,
/// shells, containers with k8s metadata; openat/execve/connect/clone/read/
/// write/close/socket/dup…) for benchmarks and tests.
public struct SyscallSyntheticStream {
    var random: SplitMix64
    var threads: [SyscallThread] = []
    var files: [SyscallFD] = []
    var sockets: [SyscallFD] = []
    var number: UInt64 = 0
    var clock: UInt64 = 1_700_000_000_000_000_000

    public init(seed: UInt64 = 42) {
        random = SplitMix64(seed: seed)
        buildThreads()
        buildDescriptors()
    }

    /// `count` events; the same seed always yields the same stream.
    public mutating func events(_ count: Int) -> [SyscallEvent] {
        var out: [SyscallEvent] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(next()) }
        return out
    }

    mutating func next() -> SyscallEvent {
        number += 1
        clock += 1_000 + random.next(5_000)
        let thread = threads[Int(random.next(UInt64(threads.count)))]
        if number % 509 == 0 { return sensitiveRead() }
        if number % 1021 == 0 { return interactiveShell() }
        let roll = random.next(100)
        switch roll {
        case 0..<30: return openat(thread)
        case 30..<50: return io(thread, type: roll < 40 ? "read" : "write")
        case 50..<62: return close(thread)
        case 62..<70: return connect(thread)
        case 70..<76: return execve(thread)
        case 76..<80: return clone(thread)
        case 80..<86: return socket(thread)
        case 86..<90: return sendto(thread)
        case 90..<93: return dup(thread)
        default: return io(thread, type: "fstat")
        }
    }

    mutating func event(_ type: String, _ thread: SyscallThread, _ params: [SyscallParam], fd: SyscallFD? = nil) -> SyscallEvent {
        SyscallEvent(number: number, timestamp: clock, cpu: Int16(random.next(8)), direction: .exit, type: type,
                     params: params, thread: thread, fd: fd, hostname: "node-1")
    }

    static func int(_ name: String, _ value: Int64, _ type: SyscallParamType = .int) -> SyscallParam {
        SyscallParam(name: name, type: type, value: .int(value))
    }

    static func text(_ name: String, _ value: String) -> SyscallParam {
        SyscallParam(name: name, type: .string, value: .string(value))
    }

    mutating func openat(_ thread: SyscallThread) -> SyscallEvent {
        let fd = files[Int(random.next(UInt64(files.count)))]
        let failed = random.next(20) == 0
        let params = [Self.int("fd", failed ? -2 : fd.info.number, .fd), Self.int("dirfd", -100, .fd),
                      Self.text("name", fd.info.path),
                      SyscallParam(name: "flags", type: .flags, value: .int(fd.info.openFlags), flagTable: .openFlags),
                      Self.int("mode", 0, .octal), Self.int("dev", 0xFD01, .hex), Self.int("ino", 1234, .uint)]
        return event("openat", thread, params, fd: failed ? nil : fd)
    }

    /// A program reading /etc/shadow (Read sensitive file untrusted).
    mutating func sensitiveRead() -> SyscallEvent {
        let thread = threads[Int(random.next(UInt64(threads.count)))]
        var info = SyscallFDInfo(number: 9, type: .file, path: "/etc/shadow")
        info.openFlags = 1
        let fd = SyscallFD(info)
        return event("openat", thread, [Self.int("fd", 9, .fd), Self.int("dirfd", -100, .fd), Self.text("name", "/etc/shadow"),
                                        SyscallParam(name: "flags", type: .flags, value: .int(1), flagTable: .openFlags)], fd: fd)
    }

    /// `kubectl exec -it … bash` (Terminal shell in container).
    mutating func interactiveShell() -> SyscallEvent {
        let parent = threads[Int(random.next(UInt64(threads.count)))]
        var info = SyscallProcessInfo.child(of: parent.info, pid: parent.info.pid + 77, comm: "bash", exe: "/bin/bash")
        info.tty = 34816
        info.containerID = Self.containers[0].id
        let thread = SyscallThread(info: info, parent: parent, user: parent.user, group: parent.group,
                                   container: Self.containers[0])
        return event("execve", thread, [Self.int("res", 0, .errno), Self.text("exe", "/bin/bash"), Self.text("comm", "bash"),
                                        SyscallParam(name: "flags", type: .flags, value: .int(0), flagTable: .execveFlags)])
    }

    mutating func io(_ thread: SyscallThread, type: String) -> SyscallEvent {
        let fd = random.next(2) == 0 ? files[Int(random.next(UInt64(files.count)))] : sockets[Int(random.next(UInt64(sockets.count)))]
        return event(type, thread, [Self.int("res", 512, .errno)], fd: fd)
    }

    mutating func close(_ thread: SyscallThread) -> SyscallEvent {
        event("close", thread, [Self.int("res", 0, .errno)], fd: files[Int(random.next(UInt64(files.count)))])
    }

    mutating func connect(_ thread: SyscallThread) -> SyscallEvent {
        let fd = sockets[Int(random.next(UInt64(sockets.count)))]
        let tuple = SocketEndpoints(family: .inet, sourceAddress: fd.info.clientAddress, sourcePort: fd.info.clientPort,
                                    destinationAddress: fd.info.serverAddress, destinationPort: fd.info.serverPort)
        return event("connect", thread, [Self.int("res", 0, .errno), SyscallParam(name: "tuple", type: .socket, value: .socket(tuple)),
                                         Self.int("fd", fd.info.number, .fd)], fd: fd)
    }

    mutating func sendto(_ thread: SyscallThread) -> SyscallEvent {
        event("sendto", thread, [Self.int("res", 64, .errno)], fd: sockets[Int(random.next(UInt64(sockets.count)))])
    }

    mutating func socket(_ thread: SyscallThread) -> SyscallEvent {
        let fd = sockets[Int(random.next(UInt64(sockets.count)))]
        return event("socket", thread, [Self.int("fd", fd.info.number, .fd),
                                        SyscallParam(name: "domain", type: .flags, value: .int(2), flagTable: .socketFamily),
                                        Self.int("type", 1, .uint), Self.int("proto", 0, .uint)], fd: fd)
    }

    mutating func dup(_ thread: SyscallThread) -> SyscallEvent {
        let fd = files[Int(random.next(UInt64(files.count)))]
        return event("dup2", thread, [Self.int("res", 1, .fd), Self.int("oldfd", fd.info.number, .fd),
                                      Self.int("newfd", 1, .fd)], fd: fd)
    }

    mutating func execve(_ thread: SyscallThread) -> SyscallEvent {
        let info = thread.info
        let params = [Self.int("res", 0, .errno), Self.text("exe", info.exe),
                      SyscallParam(name: "args", type: .bytes, value: .bytes(Array(info.args.joined(separator: "\0").utf8))),
                      Self.int("tid", info.tid), Self.int("pid", info.pid), Self.int("ptid", info.ppid),
                      Self.text("cwd", info.cwd), Self.text("comm", info.comm),
                      SyscallParam(name: "flags", type: .flags, value: .int(0), flagTable: .execveFlags)]
        return event("execve", thread, params)
    }

    mutating func clone(_ thread: SyscallThread) -> SyscallEvent {
        let info = thread.info
        return event("clone", thread, [Self.int("res", info.tid + 1000), Self.text("exe", info.exe),
                                       Self.int("tid", info.tid), Self.int("pid", info.pid), Self.int("ptid", info.ppid),
                                       SyscallParam(name: "flags", type: .flags, value: .int(1 << 15), flagTable: .cloneFlags)])
    }
}

/// A small, fast, seedable generator (SplitMix64).
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<bound.
    mutating func next(_ bound: UInt64) -> UInt64 { bound == 0 ? 0 : next() % bound }
}
