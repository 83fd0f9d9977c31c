extension SyscallFieldExtractor {
    static func fdValue(_ field: SyscallField, _ event: SyscallEvent) -> FieldValue? {
        if field == .fdNum { return event.fdNumber.map { .integer($0) } }
        if field == .fdNameChanged { return .bool(event.fdNameChanged) }
        guard let fd = event.fd else { return nil }
        let info = fd.info
        switch field {
        case .fdType: return .string(info.type.rawValue)
        case .fdTypechar: return .string(info.type.character)
        case .fdName: return .string(fd.name)
        case .fdNameraw: return .string(info.rawPath.isEmpty ? fd.name : info.rawPath)
        case .fdDirectory: return fd.directory.isEmpty ? nil : .string(fd.directory)
        case .fdFilename: return fd.fileName.isEmpty ? nil : .string(fd.fileName)
        case .fdContainername, .fdContainerdirectory, .fdUID:
            let container = event.thread?.shortContainerID ?? "host"
            let suffix = field == .fdContainerdirectory ? fd.directory : field == .fdUID ? String(info.number) : fd.name
            return .string(container + ":" + suffix)
        case .fdIP, .fdNet: return fd.addressList
        case .fdCIP, .fdCNet: return ip(info, info.clientAddress)
        case .fdSIP, .fdSNet: return ip(info, info.serverAddress)
        case .fdLIP, .fdLNet: return ip(info, fd.localAddress)
        case .fdRIP, .fdRNet: return ip(info, fd.remoteAddress)
        case .fdPort: return fd.portList
        case .fdCPort: return port(info, info.clientPort)
        case .fdSPort: return port(info, info.serverPort)
        case .fdLPort: return port(info, fd.localPort)
        case .fdRPort: return port(info, fd.remotePort)
        case .fdL4proto: return info.type.isIP ? .string(info.l4Protocol.rawValue) : nil
        case .fdSockfamily:
            switch info.type {
            case .ipv4, .ipv6: return .string("ip")
            case .unix: return .string("unix")
            default: return nil
            }
        case .fdIsServer: return info.type.isSocket ? .bool(info.isServerRole) : nil
        case .fdConnected: return info.type.isSocket ? .bool(info.isConnected) : nil
        case .fdDev: return .integer(info.device)
        case .fdIno: return .integer(info.inode)
        case .fdIsUpperLayer, .fdIsLowerLayer: return .bool(false)
        default: return nil
        }
    }

    static func ip(_ info: SyscallFDInfo, _ address: [UInt8]) -> FieldValue? {
        guard info.type.isIP, !address.isEmpty else { return nil }
        return .ipAddress(address)
    }

    static func port(_ info: SyscallFDInfo, _ port: UInt16) -> FieldValue? {
        guard info.type.isIP else { return nil }
        return .integer(Int64(port))
    }

    static func containerValue(_ field: SyscallField, _ argument: String?, _ event: SyscallEvent) -> FieldValue? {
        guard let thread = event.thread else { return nil }
        if field == .containerID { return .string(thread.shortContainerID) }
        guard let container = thread.container else {
            switch field {
            case .containerFullID, .containerName: return .string("host")
            case .containerType: return .string("host")
            default: return nil
            }
        }
        switch field {
        case .containerFullID: return .string(container.id)
        case .containerName: return text(container.name)
        case .containerImage: return text(container.image)
        case .containerImageID: return text(container.imageID)
        case .containerType: return .string(container.type)
        case .containerPrivileged: return container.privileged.map { .bool($0) }
        case .containerImageRepository: return text(container.imageRepository)
        case .containerImageTag: return text(container.imageTag)
        case .containerImageDigest: return text(container.imageDigest)
        case .containerStartTs: return container.startTime == 0 ? nil : .integer(Int64(container.startTime))
        case .containerDuration:
            return container.startTime == 0 ? nil : since(container.startTime, event.timestamp)
        case .containerIP: return text(container.ip)
        case .containerLabel: return argument.flatMap { container.labels[$0] }.map { .string($0) }
        case .containerLabels: return .string(labels(container.labels))
        case .containerHostPID: return container.hostPID.map { .bool($0) }
        case .containerHostNetwork: return container.hostNetwork.map { .bool($0) }
        case .containerHostIPC: return container.hostIPC.map { .bool($0) }
        case .containerInfo: return .string(container.id)
        case .k8sPodName: return text(container.podName)
        case .k8sPodID, .k8sPodUID: return text(container.podUID)
        case .k8sPodSandboxID: return text(String(container.podSandboxID.prefix(12)))
        case .k8sPodLabel: return argument.flatMap { container.podLabels[$0] }.map { .string($0) }
        case .k8sPodLabels: return .string(labels(container.podLabels))
        case .k8sPodIP: return text(container.podIP)
        case .k8sNsName: return text(container.namespace)
        default: return nil
        }
    }

    static func text(_ value: String) -> FieldValue? {
        value.isEmpty ? nil : .string(value)
    }

    static func labels(_ labels: [String: String]) -> String {
        labels.keys.sorted().map { $0 + ":" + (labels[$0] ?? "") }.joined(separator: ", ")
    }
}
