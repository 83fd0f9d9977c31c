import PalisadeCore

/// The `source` or `destination` of a Calico rule. Every criterion that is
/// set must hold (they are ANDed); an empty entity matches everything.
public struct CalicoEntityRule: Sendable {
    public var nets: IntervalSet?
    public var notNets: IntervalSet?
    public var selector: CalicoSelector?
    public var notSelector: CalicoSelector?
    public var namespaceSelector: CalicoSelector?
    /// `serviceAccounts.names` (nil: any name).
    public var serviceAccountNames: [String]?
    /// `serviceAccounts.selector` over the ServiceAccount's labels.
    public var serviceAccountSelector: CalicoSelector?
    public var ports: [CalicoPort] = []
    public var notPorts: [CalicoPort] = []
    /// `services` is set: matching needs Service endpoints, which are not modelled.
    public var namesServices = false
    /// Which namespaces `selector`, `notSelector` and `serviceAccounts` reach.
    var scope: CalicoNamespaceScope = .everywhere
    /// Nets of the network sets the positive part selects / `notSelector` selects.
    var selectedSetNets: IntervalSet = .empty
    var excludedSetNets: IntervalSet = .empty
    var context = CalicoContext()

    public init() {}

    /// True when the entity restricts endpoints positively (selector, namespaceSelector, serviceAccounts).
    var selectsEndpoints: Bool {
        selector != nil || namespaceSelector != nil || serviceAccountNames != nil || serviceAccountSelector != nil
    }

    /// True when some criterion other than ports is set.
    var constrainsPeer: Bool {
        selectsEndpoints || nets != nil || notNets != nil || notSelector != nil || namesServices
    }

    /// The address blocks the entity names, directly or through network sets.
    var addressBlocks: [IntervalSet] {
        [nets, notNets].compactMap { $0 } + [selectedSetNets, excludedSetNets].filter { !$0.isEmpty }
    }

    /// True when `endpoint` (pod, host, external range or pseudo-peer) satisfies every criterion.
    func matches(_ endpoint: Endpoint, in topology: Topology) -> Bool {
        if namesServices { return false }
        if let nets, !Self.addresses(of: endpoint, within: nets) { return false }
        if let notNets, Self.addresses(of: endpoint, within: notNets) { return false }
        switch endpoint.kind {
        case .external:
            if selectsEndpoints, !Self.addresses(of: endpoint, within: selectedSetNets) { return false }
            if notSelector != nil, Self.addresses(of: endpoint, within: excludedSetNets) { return false }
            return true
        case .pod, .host:
            let labels = context.labels(of: endpoint)
            let inScope = scope.includes(namespace: endpoint.namespace, context: context, topology: topology)
            if selectsEndpoints {
                guard inScope, selector?.matches(labels) ?? true, matchesServiceAccount(endpoint) else { return false }
            }
            if let notSelector, inScope, notSelector.matches(labels) { return false }
            return true
        case .ingressController:
            return !selectsEndpoints
        }
    }

    private func matchesServiceAccount(_ endpoint: Endpoint) -> Bool {
        guard serviceAccountNames != nil || serviceAccountSelector != nil else { return true }
        guard endpoint.kind == .pod else { return false }
        if let names = serviceAccountNames, !names.isEmpty, !names.contains(endpoint.serviceAccount) { return false }
        if let selector = serviceAccountSelector, !selector.matches(context.serviceAccountLabels(of: endpoint)) { return false }
        return true
    }

    /// True when the endpoint has addresses and all of them lie in `block`.
    private static func addresses(of endpoint: Endpoint, within block: IntervalSet) -> Bool {
        !endpoint.addresses.isEmpty && block.isSuperset(of: endpoint.addresses)
    }
}

extension CalicoEntityRule {
    /// Reads an EntityRule object. `policyNamespace` is nil for global policies and profiles.
    static func parse(_ value: Value?, field: String, policyNamespace: String?, context: CalicoContext,
                      namespaceLabels: [String: [String: String]], at location: SourceLocation?,
                      warnings: inout [String]) throws -> CalicoEntityRule {
        var entity = CalicoEntityRule()
        entity.context = context
        guard let value, value != .null else { return entity }
        guard case .object = value else { throw InputError("\(field) must be an object", at: location) }
        try KnownFields.check(value, allowed: ["nets", "notNets", "selector", "notSelector", "namespaceSelector",
                                               "serviceAccounts", "services", "ports", "notPorts"], field: field, at: location)
        entity.nets = try CalicoNets.parse(value["nets"], field: "\(field).nets", at: location, warnings: &warnings)
        entity.notNets = try CalicoNets.parse(value["notNets"], field: "\(field).notNets", at: location, warnings: &warnings)
        entity.selector = try selector(value["selector"], field: "\(field).selector", at: location)
        entity.notSelector = try selector(value["notSelector"], field: "\(field).notSelector", at: location)
        entity.namespaceSelector = try selector(value["namespaceSelector"], field: "\(field).namespaceSelector", at: location)
        try entity.readServiceAccounts(value["serviceAccounts"], field: "\(field).serviceAccounts", at: location)
        entity.ports = try CalicoPort.parseList(value["ports"], field: "\(field).ports", at: location)
        entity.notPorts = try CalicoPort.parseList(value["notPorts"], field: "\(field).notPorts", at: location)
        if let services = value["services"], services != .null {
            guard !entity.selectsEndpoints, entity.nets == nil, entity.notNets == nil, entity.notSelector == nil else {
                throw InputError("\(field).services cannot be combined with selectors, nets or serviceAccounts", at: location)
            }
            entity.namesServices = true
            warnings.append("\(location.map { "\($0): " } ?? "")\(field).services: Service matching is not modelled; the rule matches nothing")
        }
        entity.scope = .of(namespaceSelector: entity.namespaceSelector, policyNamespace: policyNamespace)
        entity.resolveNetworkSets(namespaceLabels: namespaceLabels)
        return entity
    }

    static func selector(_ value: Value?, field: String, at location: SourceLocation?) throws -> CalicoSelector? {
        guard let value, value != .null else { return nil }
        guard let text = value.stringValue else { throw InputError("\(field) must be a string", at: location) }
        do {
            return try CalicoSelector(parsing: text)
        } catch let error as CalicoSelectorError {
            throw InputError("\(field): \(error)", at: location)
        }
    }

    private mutating func readServiceAccounts(_ value: Value?, field: String, at location: SourceLocation?) throws {
        guard let value, value != .null else { return }
        guard case .object = value else { throw InputError("\(field) must be an object", at: location) }
        if let names = value["names"], names != .null {
            guard let list = names.arrayValue?.compactMap(\.stringValue), list.count == names.arrayValue?.count else {
                throw InputError("\(field).names must be a list of strings", at: location)
            }
            serviceAccountNames = list
        }
        serviceAccountSelector = try Self.selector(value["selector"], field: "\(field).selector", at: location)
        if serviceAccountNames == nil && serviceAccountSelector == nil { serviceAccountNames = [] }
    }

    /// Which network sets the entity reaches through its selectors.
    private mutating func resolveNetworkSets(namespaceLabels: [String: [String: String]]) {
        let inScope = context.networkSets.filter { scope.includes($0, namespaceLabels: namespaceLabels) }
        if selectsEndpoints && serviceAccountNames == nil && serviceAccountSelector == nil {
            let positive = selector ?? .all
            selectedSetNets = inScope.filter { positive.matches($0.selectorLabels) }.reduce(.empty) { $0.union($1.nets) }
        }
        if let notSelector {
            excludedSetNets = inScope.filter { notSelector.matches($0.selectorLabels) }.reduce(.empty) { $0.union($1.nets) }
        }
    }
}
