import PalisadeCore

/// The `data` document Kubescape gives a rule: `postureControlInputs` (the
/// user's control settings, defaults from `default-config-inputs.json`),
/// `dataControlInputs` (settings that are not configurable, e.g. the cloud
/// provider), plus the empty cluster name and API-client config that
/// `data.kubernetes.api.client` reads.
public struct KubescapeControlInputs: Sendable {
    /// Setting name → values (Kubescape keeps them as string lists).
    public var postureControlInputs: [String: Value]
    public var dataControlInputs: [String: Value]?
    public var clusterName: String

    public init(postureControlInputs: [String: Value] = [:], dataControlInputs: [String: Value]? = nil,
                clusterName: String = "") {
        self.postureControlInputs = postureControlInputs
        self.dataControlInputs = dataControlInputs
        self.clusterName = clusterName
    }

    /// `settings.postureControlInputs` of a Kubescape customer config such
    /// as regolibrary's `default-config-inputs.json`.
    public static func load(configFile path: String) throws -> KubescapeControlInputs {
        let config = try KubescapeFiles.readJSON(path)
        guard let settings = config["settings"]?["postureControlInputs"] else {
            return KubescapeControlInputs()
        }
        guard case .object = settings else {
            throw KubescapeError("settings.postureControlInputs must be an object", file: path)
        }
        return KubescapeControlInputs(postureControlInputs: stringKeyed(settings))
    }

    /// These inputs with a test's `data.json` applied: its
    /// `postureControlInputs` keys replace ours, its `dataControlInputs` is used as is.
    public func overridden(by overrides: Value, file: String = "<data>") throws -> KubescapeControlInputs {
        guard case .object = overrides else { throw KubescapeError("data must be a JSON object", file: file) }
        var result = self
        if let posture = overrides["postureControlInputs"], posture != .null {
            guard case .object = posture else {
                throw KubescapeError("postureControlInputs must be an object", file: file)
            }
            for (key, value) in Self.stringKeyed(posture) { result.postureControlInputs[key] = value }
        }
        if let dataInputs = overrides["dataControlInputs"], dataInputs != .null {
            guard case .object = dataInputs else {
                throw KubescapeError("dataControlInputs must be an object", file: file)
            }
            result.dataControlInputs = Self.stringKeyed(dataInputs)
        }
        return result
    }

    /// The `data` document (`RegoDependenciesData` serialized).
    public var data: Value {
        let k8sConfig = ["token", "ip", "host", "port", "crtfile", "clientcrtfile", "clientkeyfile"]
        var fields: [String: Value] = [
            "clusterName": .string(clusterName),
            "postureControlInputs": .object(fields: postureControlInputs),
            "k8sconfig": .object(fields: Dictionary(uniqueKeysWithValues: k8sConfig.map { ($0, Value.string("")) })),
        ]
        fields["dataControlInputs"] = dataControlInputs.map { .object(fields: $0) } ?? .null
        return .object(fields: fields)
    }

    private static func stringKeyed(_ object: Value) -> [String: Value] {
        var result: [String: Value] = [:]
        for (key, value) in object.objectValue ?? [:] { result[KubescapeGoJSON.keyText(key)] = value }
        return result
    }
}
