import PalisadeCore

extension SyscallJSONDecoder {
    static func thread(_ value: Value, parent: SyscallThread?, container: SyscallContainerInfo?)
        throws(ScapReadError) -> SyscallThread {
        guard value.objectValue != nil else { throw ScapReadError(message: "a thread must be a JSON object") }
        var info = SyscallProcessInfo()
        info.tid = int(value["tid"]) ?? -1
        info.pid = int(value["pid"]) ?? info.tid
        info.ppid = int(value["ppid"]) ?? parent?.info.pid ?? -1
        info.vtid = int(value["vtid"]) ?? -1
        info.vpid = int(value["vpid"]) ?? -1
        info.sid = int(value["sid"]) ?? -1
        info.vpgid = int(value["vpgid"]) ?? -1
        info.comm = value["comm"]?.stringValue ?? ""
        info.exe = value["exe"]?.stringValue ?? ""
        info.exePath = value["exepath"]?.stringValue ?? ""
        info.args = strings(value["args"], limit: 4096)
        info.cwd = value["cwd"]?.stringValue ?? ""
        info.env = strings(value["env"], limit: 256)
        info.uid = int(value["uid"]) ?? -1
        info.gid = int(value["gid"]) ?? -1
        info.loginUID = int(value["loginuid"]) ?? -1
        info.tty = int(value["tty"]) ?? 0
        info.fdLimit = int(value["fdlimit"]) ?? 0
        info.startTime = uint(value["start_ts"]) ?? 0
        info.pidnsInitStartTime = uint(value["pidns_init_start_ts"]) ?? 0
        info.capEffective = SyscallCapabilities.parse(value["cap_effective"]?.stringValue ?? "")
        info.capPermitted = SyscallCapabilities.parse(value["cap_permitted"]?.stringValue ?? "")
        info.capInheritable = SyscallCapabilities.parse(value["cap_inheritable"]?.stringValue ?? "")
        info.exeWritable = value["exe_writable"]?.boolValue ?? false
        info.exeUpperLayer = value["exe_upper_layer"]?.boolValue ?? false
        info.exeLowerLayer = value["exe_lower_layer"]?.boolValue ?? false
        info.exeFromMemfd = value["exe_from_memfd"]?.boolValue ?? false
        info.exeInode = uint(value["exe_ino"]) ?? 0
        info.exeCtime = uint(value["exe_ino_ctime"]) ?? 0
        info.exeMtime = uint(value["exe_ino_mtime"]) ?? 0
        info.cgroups = strings(value["cgroups"], limit: 64)
        info.containerID = value["container_id"]?.stringValue ?? container?.id ?? ""
        return SyscallThread(info: info, parent: parent, user: user(value["user"], id: info.uid),
                             group: user(value["group"], id: info.gid),
                             loginUser: user(value["loginuser"], id: info.loginUID), container: container)
    }

    static func strings(_ value: Value?, limit: Int) -> [String] {
        Array((value?.arrayValue ?? []).prefix(limit).compactMap(\.stringValue))
    }

    static func user(_ value: Value?, id: Int64) -> SyscallUserInfo? {
        guard let value, let name = value["name"]?.stringValue else { return nil }
        return SyscallUserInfo(uid: id, gid: id, name: name, homeDirectory: value["home"]?.stringValue ?? "",
                               shell: value["shell"]?.stringValue ?? "")
    }

    static func fd(_ value: Value) throws(ScapReadError) -> SyscallFD {
        guard let number = int(value["num"]) else { throw ScapReadError(message: "fd without \"num\"") }
        let typeName = value["type"]?.stringValue ?? "unknown"
        guard let type = SyscallFDType(rawValue: typeName) else { throw ScapReadError(message: "unknown fd type \(typeName)") }
        var info = SyscallFDInfo(number: number, type: type, path: value["name"]?.stringValue ?? "")
        info.rawPath = value["nameraw"]?.stringValue ?? info.path
        info.openFlags = int(value["flags"]) ?? 0
        info.clientAddress = address(value["cip"])
        info.clientPort = UInt16(clamping: value["cport"]?.intValue ?? 0)
        info.serverAddress = address(value["sip"])
        info.serverPort = UInt16(clamping: value["sport"]?.intValue ?? 0)
        info.l4Protocol = SyscallL4Protocol(rawValue: value["l4proto"]?.stringValue ?? "") ?? .unknown
        info.isServerRole = value["server"]?.boolValue ?? false
        info.isConnected = value["connected"]?.boolValue ?? false
        info.device = int(value["dev"]) ?? 0
        info.inode = int(value["ino"]) ?? 0
        return SyscallFD(info)
    }

    static func container(_ value: Value) -> SyscallContainerInfo {
        var info = SyscallContainerInfo(id: value["id"]?.stringValue ?? "")
        info.name = value["name"]?.stringValue ?? ""
        info.image = value["image"]?.stringValue ?? ""
        info.imageRepository = value["repository"]?.stringValue ?? ""
        info.imageTag = value["tag"]?.stringValue ?? ""
        info.imageDigest = value["digest"]?.stringValue ?? ""
        info.imageID = value["image_id"]?.stringValue ?? ""
        info.type = value["type"]?.stringValue ?? "docker"
        info.privileged = value["privileged"]?.boolValue
        info.hostNetwork = value["host_network"]?.boolValue
        info.hostPID = value["host_pid"]?.boolValue
        info.hostIPC = value["host_ipc"]?.boolValue
        info.startTime = uint(value["start_ts"]) ?? 0
        info.ip = value["ip"]?.stringValue ?? ""
        info.labels = labels(value["labels"])
        info.podName = value["pod"]?.stringValue ?? ""
        info.podUID = value["pod_uid"]?.stringValue ?? ""
        info.podSandboxID = value["pod_sandbox_id"]?.stringValue ?? ""
        info.namespace = value["namespace"]?.stringValue ?? ""
        info.podLabels = labels(value["pod_labels"])
        info.podIP = value["pod_ip"]?.stringValue ?? ""
        return info
    }

    static func labels(_ value: Value?) -> [String: String] {
        var out: [String: String] = [:]
        for (key, item) in value?.objectValue ?? [:] {
            if let key = key.stringValue, let text = item.stringValue { out[key] = text }
        }
        return out
    }
}
