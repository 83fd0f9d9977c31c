/// What the network checks treat as sensitive, and which checks run.
public struct NetworkFindingOptions: Sendable {
    /// Addresses of the API server outside the pod network (`10.0.0.1`, `172.20.0.0/30`).
    public var apiServerAddresses: IntervalSet
    /// The cloud metadata service address.
    public var metadataAddress: UInt32
    /// Only these rules (`NP-001` …); empty: all.
    public var rules: Set<NetworkFindingRule>

    public init(apiServerAddresses: IntervalSet = .empty,
                metadataAddress: UInt32 = NetworkFindingOptions.cloudMetadataAddress,
                rules: Set<NetworkFindingRule> = []) {
        self.apiServerAddresses = apiServerAddresses
        self.metadataAddress = metadataAddress
        self.rules = rules
    }

    /// 169.254.169.254, the metadata service of AWS, GCP, Azure and OpenStack.
    public static let cloudMetadataAddress: UInt32 = 169 << 24 | 254 << 16 | 169 << 8 | 254

    func runs(_ rule: NetworkFindingRule) -> Bool { rules.isEmpty || rules.contains(rule) }
}
