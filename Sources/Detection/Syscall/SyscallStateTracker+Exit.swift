import PalisadeCore

extension SyscallStateTracker {
    mutating func applyExit(_ context: inout ExitContext) {
        switch context.event.type {
        case "open", "openat", "openat2", "creat": openExit(&context)
        case "socket": socketExit(&context)
        case "connect": connectExit(&context)
        case "bind": bindExit(&context)
        case "accept", "accept4": acceptExit(&context)
        case "close": closeExit(&context)
        case "dup", "dup2", "dup3": dupExit(&context)
        case "pipe", "pipe2": pipeExit(&context)
        case "clone", "fork", "vfork", "clone3": cloneExit(&context)
        case "execve", "execveat": execveExit(&context)
        case "chdir": chdirExit(&context)
        case "fchdir": fchdirExit(&context)
        case "container": containerEvent(&context)
        default: break
        }
    }

    mutating func openExit(_ context: inout ExitContext) {
        guard let fdNumber = context.result else { return }
        context.event.fdNumber = fdNumber
        guard fdNumber >= 0, let name = context.param("name")?.value.text else { return }
        let flags = context.param("flags")?.value.integer ?? 0
        let base: String
        if let dirfd = context.param("dirfd")?.value.integer, dirfd != -100 {
            base = fd(pid: context.caller.info.pid, dirfd)?.info.path ?? context.caller.info.cwd
        } else {
            base = context.caller.info.cwd
        }
        var info = SyscallFDInfo(number: fdNumber, type: flags & (1 << 10) != 0 ? .directory : .file,
                                 path: SyscallPath.resolve(name, against: base))
        info.rawPath = name
        info.openFlags = flags
        let fd = SyscallFD(info)
        setFD(fd, pid: context.caller.info.pid)
        context.event.fd = fd
    }

    mutating func socketExit(_ context: inout ExitContext) {
        guard let fdNumber = context.result else { return }
        context.event.fdNumber = fdNumber
        guard fdNumber >= 0 else { return }
        let domain = context.param("domain")?.value.integer ?? 0
        let type: SyscallFDType = domain == 2 ? .ipv4 : domain == 10 ? .ipv6 : domain == 1 ? .unix
            : domain == 16 ? .netlink : .unknown
        var info = SyscallFDInfo(number: fdNumber, type: type)
        switch (context.param("type")?.value.integer ?? 0) & 0xF {
        case 1: info.l4Protocol = .tcp
        case 2: info.l4Protocol = .udp
        case 3: info.l4Protocol = .raw
        default: break
        }
        let fd = SyscallFD(info)
        setFD(fd, pid: context.caller.info.pid)
        context.event.fd = fd
    }

    mutating func connectExit(_ context: inout ExitContext) {
        guard let old = context.event.fd, let result = context.result, result >= 0 || result == -115,
              case .socket(let tuple)? = context.param("tuple")?.value ?? context.param("addr")?.value else { return }
        var info = old.info
        apply(tuple, to: &info)
        info.isServerRole = false
        info.isConnected = true
        replace(old, with: info, &context)
    }

    mutating func bindExit(_ context: inout ExitContext) {
        guard let old = context.event.fd, context.result == 0,
              case .socket(let address)? = context.param("addr")?.value else { return }
        var info = old.info
        info.serverAddress = address.destinationAddress
        info.serverPort = address.destinationPort
        info.isServerRole = true
        replace(old, with: info, &context)
    }

    mutating func acceptExit(_ context: inout ExitContext) {
        guard let fdNumber = context.param("fd")?.value.integer else { return }
        context.event.fdNumber = fdNumber
        guard fdNumber >= 0, case .socket(let tuple)? = context.param("tuple")?.value else { return }
        var info = SyscallFDInfo(number: fdNumber, type: tuple.family == .inet6 ? .ipv6 : tuple.family == .unix ? .unix : .ipv4)
        apply(tuple, to: &info)
        info.isServerRole = true
        info.isConnected = true
        info.l4Protocol = .tcp
        let fd = SyscallFD(info)
        setFD(fd, pid: context.caller.info.pid)
        context.event.fd = fd
    }

    func apply(_ tuple: SocketEndpoints, to info: inout SyscallFDInfo) {
        if tuple.family == .unix {
            info.path = tuple.path
            return
        }
        if !tuple.sourceAddress.isEmpty {
            info.clientAddress = tuple.sourceAddress
            info.clientPort = tuple.sourcePort
        }
        info.serverAddress = tuple.destinationAddress
        info.serverPort = tuple.destinationPort
    }

    mutating func replace(_ old: SyscallFD, with info: SyscallFDInfo, _ context: inout ExitContext) {
        let fd = SyscallFD(info)
        setFD(fd, pid: context.caller.info.pid)
        context.event.fd = fd
        context.event.fdNameChanged = fd.name != old.name
    }

    mutating func closeExit(_ context: inout ExitContext) {
        guard context.result == 0, let number = context.event.fdNumber else { return }
        fdTables[context.caller.info.pid]?[number] = nil
    }

    mutating func dupExit(_ context: inout ExitContext) {
        guard let newNumber = context.result, newNumber >= 0, let old = context.event.fd else { return }
        var info = old.info
        info.number = newNumber
        let fd = SyscallFD(info)
        setFD(fd, pid: context.caller.info.pid)
        context.event.fd = fd
        context.event.fdNumber = newNumber
    }

    mutating func pipeExit(_ context: inout ExitContext) {
        guard context.result == 0 else { return }
        let inode = context.param("ino")?.value.integer ?? 0
        for name in ["fd1", "fd2"] {
            guard let number = context.param(name)?.value.integer, number >= 0 else { continue }
            var info = SyscallFDInfo(number: number, type: .pipe, path: "pipe:[\(inode)]")
            info.inode = inode
            setFD(SyscallFD(info), pid: context.caller.info.pid)
        }
    }

    mutating func chdirExit(_ context: inout ExitContext) {
        guard context.result == 0, let path = context.param("path")?.value.text else { return }
        var info = context.caller.info
        info.cwd = SyscallPath.resolve(path, against: info.cwd)
        updateThread(info, &context)
    }

    mutating func fchdirExit(_ context: inout ExitContext) {
        guard context.result == 0, let directory = context.event.fd?.info.path else { return }
        var info = context.caller.info
        info.cwd = directory
        updateThread(info, &context)
    }

    mutating func updateThread(_ info: SyscallProcessInfo, _ context: inout ExitContext) {
        let thread = makeThread(info)
        threads[info.tid] = thread
        context.caller = thread
        context.event.thread = thread
    }

    /// The container plugin's old `container` event: a JSON description.
    mutating func containerEvent(_ context: inout ExitContext) {
        guard let text = context.param("json")?.value.text, let json = try? JSONReader.decode(text),
              let object = json["container"], let id = object["id"]?.stringValue else { return }
        var container = SyscallContainerInfo(id: id)
        container.name = object["name"]?.stringValue ?? ""
        container.image = object["image"]?.stringValue ?? ""
        container.imageRepository = object["imagerepo"]?.stringValue ?? ""
        container.imageTag = object["imagetag"]?.stringValue ?? ""
        container.imageDigest = object["imagedigest"]?.stringValue ?? ""
        container.imageID = object["imageid"]?.stringValue ?? ""
        container.privileged = object["privileged"]?.boolValue
        container.ip = object["ip"]?.stringValue ?? ""
        containers[String(id.prefix(12))] = container
    }
}

/// Path resolution as libsinsp does for relative names.
enum SyscallPath {
    static func resolve(_ path: String, against base: String) -> String {
        let joined = path.hasPrefix("/") || base.isEmpty ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        let normalized = "/" + parts.joined(separator: "/")
        return joined.hasPrefix("/") ? normalized : String(normalized.dropFirst())
    }
}
