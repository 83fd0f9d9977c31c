/// The syscall-source fields this event model provides, named as in
/// libsinsp. `SyscallFieldExtractor` maps registry ids to these once.
enum SyscallField: String, CaseIterable, Sendable {
    // evt.*
    case evtNum = "evt.num", evtTime = "evt.time", evtTimeS = "evt.time.s", evtTimeISO = "evt.time.iso8601"
    case evtDatetime = "evt.datetime", evtDatetimeS = "evt.datetime.s", evtRawtime = "evt.rawtime"
    case evtRawtimeS = "evt.rawtime.s", evtRawtimeNS = "evt.rawtime.ns", evtSource = "evt.source"
    case evtHostname = "evt.hostname", evtIsAsync = "evt.is_async", evtType = "evt.type", evtTypeIs = "evt.type.is"
    case evtDir = "evt.dir", evtCPU = "evt.cpu", evtArgs = "evt.args", evtArg = "evt.arg", evtRawarg = "evt.rawarg"
    case evtInfo = "evt.info", evtBuffer = "evt.buffer", evtBuflen = "evt.buflen", evtRes = "evt.res"
    case evtRawres = "evt.rawres", evtFailed = "evt.failed", evtIsIO = "evt.is_io", evtIsIORead = "evt.is_io_read"
    case evtIsIOWrite = "evt.is_io_write", evtIODir = "evt.io_dir", evtIsOpenRead = "evt.is_open_read"
    case evtIsOpenWrite = "evt.is_open_write", evtIsOpenExec = "evt.is_open_exec"
    case evtIsOpenCreate = "evt.is_open_create", evtCategory = "evt.category", evtFDType = "evt.fdtype"
    case evtPID = "evt.pid", evtTID = "evt.tid", evtAbspath = "evt.abspath"
    // proc.*
    case procExe = "proc.exe", procPexe = "proc.pexe", procAexe = "proc.aexe", procExepath = "proc.exepath"
    case procPexepath = "proc.pexepath", procAexepath = "proc.aexepath", procName = "proc.name"
    case procPname = "proc.pname", procAname = "proc.aname", procArgs = "proc.args", procCmdline = "proc.cmdline"
    case procPcmdline = "proc.pcmdline", procAcmdline = "proc.acmdline", procCmdnargs = "proc.cmdnargs"
    case procCmdlenargs = "proc.cmdlenargs", procExeline = "proc.exeline", procEnv = "proc.env", procCwd = "proc.cwd"
    case procTTY = "proc.tty", procPID = "proc.pid", procPPID = "proc.ppid", procApid = "proc.apid"
    case procVPID = "proc.vpid", procPVPID = "proc.pvpid", procSID = "proc.sid", procSname = "proc.sname"
    case procSIDExe = "proc.sid.exe", procSIDExepath = "proc.sid.exepath", procVPGID = "proc.vpgid"
    case procVPGIDName = "proc.vpgid.name", procVPGIDExe = "proc.vpgid.exe"
    case procVPGIDExepath = "proc.vpgid.exepath", procDuration = "proc.duration"
    case procPPIDDuration = "proc.ppid.duration", procPIDTs = "proc.pid.ts", procPPIDTs = "proc.ppid.ts"
    case procIsExeWritable = "proc.is_exe_writable", procIsExeUpperLayer = "proc.is_exe_upper_layer"
    case procIsExeLowerLayer = "proc.is_exe_lower_layer", procIsExeFromMemfd = "proc.is_exe_from_memfd"
    case procIsSIDLeader = "proc.is_sid_leader", procIsVPGIDLeader = "proc.is_vpgid_leader"
    case procIsHealthcheck = "proc.is_container_healthcheck"
    case procIsLiveness = "proc.is_container_liveness_probe", procIsReadiness = "proc.is_container_readiness_probe"
    case procExeIno = "proc.exe_ino", procExeInoCtime = "proc.exe_ino.ctime", procExeInoMtime = "proc.exe_ino.mtime"
    case procExeInoCtimeDuration = "proc.exe_ino.ctime_duration_proc_start"
    case procExeInoCtimePidns = "proc.exe_ino.ctime_duration_pidns_start"
    case procPidnsInitStart = "proc.pidns_init_start_ts", procCapPermitted = "proc.thread.cap_permitted"
    case procCapInheritable = "proc.thread.cap_inheritable", procCapEffective = "proc.thread.cap_effective"
    case procFDLimit = "proc.fdlimit", procPPIDName = "proc.ppid.name", procIsTTY = "proc.is_tty"
    // thread.*
    case threadTID = "thread.tid", threadVTID = "thread.vtid", threadIsMain = "thread.ismain"
    case threadCgroups = "thread.cgroups", threadCgroup = "thread.cgroup", threadNametid = "thread.nametid"
    case threadCapPermitted = "thread.cap_permitted", threadCapInheritable = "thread.cap_inheritable"
    case threadCapEffective = "thread.cap_effective"
    // fd.*
    case fdNum = "fd.num", fdType = "fd.type", fdTypechar = "fd.typechar", fdName = "fd.name"
    case fdDirectory = "fd.directory", fdFilename = "fd.filename", fdIP = "fd.ip", fdCIP = "fd.cip"
    case fdSIP = "fd.sip", fdLIP = "fd.lip", fdRIP = "fd.rip", fdPort = "fd.port", fdCPort = "fd.cport"
    case fdSPort = "fd.sport", fdLPort = "fd.lport", fdRPort = "fd.rport", fdL4proto = "fd.l4proto"
    case fdSockfamily = "fd.sockfamily", fdIsServer = "fd.is_server", fdNet = "fd.net", fdCNet = "fd.cnet"
    case fdSNet = "fd.snet", fdLNet = "fd.lnet", fdRNet = "fd.rnet", fdConnected = "fd.connected"
    case fdNameChanged = "fd.name_changed", fdCIPName = "fd.cip.name", fdSIPName = "fd.sip.name"
    case fdLIPName = "fd.lip.name", fdRIPName = "fd.rip.name", fdDev = "fd.dev", fdIno = "fd.ino"
    case fdNameraw = "fd.nameraw", fdContainername = "fd.containername"
    case fdContainerdirectory = "fd.containerdirectory", fdUID = "fd.uid"
    case fdIsUpperLayer = "fd.is_upper_layer", fdIsLowerLayer = "fd.is_lower_layer"
    // user.* / group.*
    case userUID = "user.uid", userName = "user.name", userHomedir = "user.homedir", userShell = "user.shell"
    case userLoginuid = "user.loginuid", userLoginname = "user.loginname", groupGID = "group.gid"
    case groupName = "group.name"
    // container.* / k8s.* (container plugin)
    case containerID = "container.id", containerFullID = "container.full_id", containerName = "container.name"
    case containerImage = "container.image", containerImageID = "container.image.id"
    case containerType = "container.type", containerPrivileged = "container.privileged"
    case containerImageRepository = "container.image.repository", containerImageTag = "container.image.tag"
    case containerImageDigest = "container.image.digest", containerStartTs = "container.start_ts"
    case containerDuration = "container.duration", containerIP = "container.ip", containerLabel = "container.label"
    case containerLabels = "container.labels", containerHostPID = "container.host_pid"
    case containerHostNetwork = "container.host_network", containerHostIPC = "container.host_ipc"
    case containerInfo = "container.info"
    case k8sPodName = "k8s.pod.name", k8sPodID = "k8s.pod.id", k8sPodUID = "k8s.pod.uid"
    case k8sPodSandboxID = "k8s.pod.sandbox_id", k8sPodLabel = "k8s.pod.label", k8sPodLabels = "k8s.pod.labels"
    case k8sPodIP = "k8s.pod.ip", k8sNsName = "k8s.ns.name"

    enum Group { case event, process, fd, container }

    /// Which extractor serves the field.
    var group: Group {
        let name = rawValue
        if name.hasPrefix("evt.") { return .event }
        if name.hasPrefix("fd.") { return .fd }
        if name.hasPrefix("container.") || name.hasPrefix("k8s.") { return .container }
        return .process
    }
}
