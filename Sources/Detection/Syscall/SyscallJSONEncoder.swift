import Foundation
import PalisadeCore

/// Encodes events in the JSON-lines format (version 1).
enum SyscallJSONEncoder {
    static func event(_ event: SyscallEvent) -> Value {
        var fields: [String: Value] = [
            "v": .int(SyscallJSONLines.version), "num": number(event.number), "ts": number(event.timestamp),
            "cpu": .int(Int(event.cpu)), "dir": .string(event.direction.rawValue), "type": .string(event.type),
            "params": .array(event.params.map(param)),
        ]
        if !event.hostname.isEmpty { fields["hostname"] = .string(event.hostname) }
        if let thread = event.thread {
            fields["thread"] = self.thread(thread)
            var ancestors: [Value] = []
            var current = thread.parent
            while let ancestor = current, ancestors.count < 64 {
                ancestors.append(self.thread(ancestor))
                current = ancestor.parent
            }
            if !ancestors.isEmpty { fields["ancestors"] = .array(ancestors) }
            if let container = thread.container { fields["container"] = self.container(container) }
        }
        if let fd = event.fd { fields["fd"] = self.fd(fd.info) }
        if let number = event.fdNumber, number != event.fd?.info.number { fields["fd_num"] = .int(Int(number)) }
        if event.fdNameChanged { fields["fd_name_changed"] = .bool(true) }
        return .object(fields: fields)
    }

    static func number(_ value: UInt64) -> Value { .int(Int(clamping: value)) }

    static func param(_ param: SyscallParam) -> Value {
        var fields: [String: Value] = ["name": .string(param.name), "type": .string(param.type.rawValue)]
        if let table = param.flagTable { fields["table"] = .string(table.rawValue) }
        switch param.value {
        case .int(let value): fields["value"] = .int(Int(value))
        case .string(let text): fields["value"] = .string(text)
        case .bytes(let bytes):
            fields["value"] = .object(fields: ["b64": .string(Data(bytes).base64EncodedString())])
        case .socket(let endpoints): fields["value"] = socket(endpoints)
        case .empty: fields["value"] = .null
        }
        return .object(fields: fields)
    }

    static func socket(_ endpoints: SocketEndpoints) -> Value {
        var fields: [String: Value] = ["family": .string(endpoints.family.rawValue)]
        if !endpoints.sourceAddress.isEmpty {
            fields["sip"] = .string(SyscallAddressFormat.address(endpoints.sourceAddress))
            fields["sport"] = .int(Int(endpoints.sourcePort))
        }
        if !endpoints.destinationAddress.isEmpty {
            fields["dip"] = .string(SyscallAddressFormat.address(endpoints.destinationAddress))
            fields["dport"] = .int(Int(endpoints.destinationPort))
        }
        if !endpoints.path.isEmpty { fields["path"] = .string(endpoints.path) }
        return .object(fields: fields)
    }

    static func thread(_ thread: SyscallThread) -> Value {
        let info = thread.info
        var fields: [String: Value] = [
            "tid": .int(Int(info.tid)), "pid": .int(Int(info.pid)), "ppid": .int(Int(info.ppid)),
            "vtid": .int(Int(info.vtid)), "vpid": .int(Int(info.vpid)), "sid": .int(Int(info.sid)),
            "vpgid": .int(Int(info.vpgid)), "comm": .string(info.comm), "exe": .string(info.exe),
            "exepath": .string(info.exePath), "args": .array(info.args.map(Value.string)), "cwd": .string(info.cwd),
            "env": .array(info.env.map(Value.string)), "uid": .int(Int(info.uid)), "gid": .int(Int(info.gid)),
            "loginuid": .int(Int(info.loginUID)), "tty": .int(Int(info.tty)), "fdlimit": .int(Int(info.fdLimit)),
            "start_ts": number(info.startTime), "cap_effective": .string(thread.capEffectiveText),
            "cap_permitted": .string(thread.capPermittedText), "cap_inheritable": .string(thread.capInheritableText),
            "exe_writable": .bool(info.exeWritable), "exe_upper_layer": .bool(info.exeUpperLayer),
            "exe_lower_layer": .bool(info.exeLowerLayer), "exe_from_memfd": .bool(info.exeFromMemfd),
            "cgroups": .array(info.cgroups.map(Value.string)),
        ]
        if info.pidnsInitStartTime != 0 { fields["pidns_init_start_ts"] = number(info.pidnsInitStartTime) }
        if info.exeInode != 0 { fields["exe_ino"] = number(info.exeInode) }
        if info.exeCtime != 0 { fields["exe_ino_ctime"] = number(info.exeCtime) }
        if info.exeMtime != 0 { fields["exe_ino_mtime"] = number(info.exeMtime) }
        if !info.containerID.isEmpty { fields["container_id"] = .string(info.containerID) }
        if let user = thread.user { fields["user"] = self.user(user) }
        if let group = thread.group { fields["group"] = self.user(group) }
        if let login = thread.loginUser { fields["loginuser"] = self.user(login) }
        return .object(fields: fields)
    }

    static func user(_ user: SyscallUserInfo) -> Value {
        .object(fields: ["name": .string(user.name), "home": .string(user.homeDirectory), "shell": .string(user.shell)])
    }

    static func fd(_ info: SyscallFDInfo) -> Value {
        var fields: [String: Value] = ["num": .int(Int(info.number)), "type": .string(info.type.rawValue)]
        if !info.path.isEmpty { fields["name"] = .string(info.path) }
        if info.rawPath != info.path { fields["nameraw"] = .string(info.rawPath) }
        if info.openFlags != 0 { fields["flags"] = .int(Int(info.openFlags)) }
        if info.type.isIP {
            if !info.clientAddress.isEmpty {
                fields["cip"] = .string(SyscallAddressFormat.address(info.clientAddress))
                fields["cport"] = .int(Int(info.clientPort))
            }
            if !info.serverAddress.isEmpty {
                fields["sip"] = .string(SyscallAddressFormat.address(info.serverAddress))
                fields["sport"] = .int(Int(info.serverPort))
            }
            fields["l4proto"] = .string(info.l4Protocol.rawValue)
        }
        if info.isServerRole { fields["server"] = .bool(true) }
        if info.isConnected { fields["connected"] = .bool(true) }
        if info.device != 0 { fields["dev"] = .int(Int(info.device)) }
        if info.inode != 0 { fields["ino"] = .int(Int(info.inode)) }
        return .object(fields: fields)
    }

    static func container(_ info: SyscallContainerInfo) -> Value {
        var fields: [String: Value] = ["id": .string(info.id), "type": .string(info.type)]
        let texts: [(String, String)] = [
            ("name", info.name), ("image", info.image), ("repository", info.imageRepository), ("tag", info.imageTag),
            ("digest", info.imageDigest), ("image_id", info.imageID), ("ip", info.ip), ("pod", info.podName),
            ("pod_uid", info.podUID), ("pod_sandbox_id", info.podSandboxID), ("namespace", info.namespace),
            ("pod_ip", info.podIP),
        ]
        for (key, text) in texts where !text.isEmpty { fields[key] = .string(text) }
        if let flag = info.privileged { fields["privileged"] = .bool(flag) }
        if let flag = info.hostNetwork { fields["host_network"] = .bool(flag) }
        if let flag = info.hostPID { fields["host_pid"] = .bool(flag) }
        if let flag = info.hostIPC { fields["host_ipc"] = .bool(flag) }
        if info.startTime != 0 { fields["start_ts"] = number(info.startTime) }
        if !info.labels.isEmpty { fields["labels"] = .object(fields: info.labels.mapValues(Value.string)) }
        if !info.podLabels.isEmpty { fields["pod_labels"] = .object(fields: info.podLabels.mapValues(Value.string)) }
        return .object(fields: fields)
    }
}
