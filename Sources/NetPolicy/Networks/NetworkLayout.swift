import Kube
import PalisadeCore

/// Which network each workload is on: its primary network (the pod network,
/// or the (Cluster)UserDefinedNetwork serving its namespace) and the secondary
/// networks (NetworkAttachmentDefinitions, grouped by name) it attaches to.
///
/// Invalid network definitions are `errors` (the analysis cannot go on);
/// definitions that are ignored are explained in `warnings`.
public struct NetworkLayout: Sendable {
    /// Namespaces served by a primary user-defined network.
    public private(set) var primaryOfNamespace: [String: ClusterNetwork] = [:]
    /// Endpoint display name → names of the secondary networks it attaches to.
    public private(set) var attachments: [String: Set<String>] = [:]
    public private(set) var warnings: [String] = []
    public private(set) var errors: [InputError] = []

    public init(objects: [KubeObject]) {
        var resolver = PrimaryNetworkResolver(namespaces: Self.namespaces(objects))
        for object in objects where UserDefinedNetworkDefinition.isDefinition(object) {
            do {
                resolver.add(try UserDefinedNetworkDefinition(object))
            } catch let error as InputError {
                errors.append(error)
            } catch {
                errors.append(InputError("\(error)", at: object.location))
            }
        }
        let resolved = resolver.resolve()
        primaryOfNamespace = resolved.primaryOfNamespace
        warnings += resolved.warnings
        errors += resolved.errors
        warnings += Self.labelledNamespacesWithoutNetwork(resolver.namespaces, served: primaryOfNamespace)
        readAttachments(objects)
    }

    /// The primary network of `endpoint`.
    public func primaryNetwork(of endpoint: Endpoint) -> ClusterNetwork {
        endpoint.namespace.flatMap { primaryOfNamespace[$0] } ?? .podNetwork
    }

    /// The secondary networks of `endpoint`, sorted by name.
    public func secondaryNetworks(of endpoint: Endpoint) -> [ClusterNetwork] {
        (attachments[endpoint.displayName] ?? []).map { ClusterNetwork(kind: .secondaryNAD, name: $0) }.sorted()
    }

    /// Every network `endpoint` is on, primary first.
    public func networks(of endpoint: Endpoint) -> [ClusterNetwork] {
        [primaryNetwork(of: endpoint)] + secondaryNetworks(of: endpoint)
    }

    /// True when the workloads' namespace is served by a namespace-scoped UDN
    /// (their names then carry the `[udn]` mark in that network).
    public func isInNamespaceUDN(_ endpoint: Endpoint) -> Bool {
        primaryNetwork(of: endpoint).kind == .primaryUDN
    }

    /// Declared namespaces and their labels (with the name label).
    static func namespaces(_ objects: [KubeObject]) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for object in objects where object.kind == "Namespace" && object.group.isEmpty {
            var labels = object.labels
            labels[Topology.namespaceNameLabel] = object.name
            result[object.name] = labels
        }
        return result
    }

    /// Namespaces that ask for a primary user-defined network none provides.
    static func labelledNamespacesWithoutNetwork(_ namespaces: [String: [String: String]],
                                                 served: [String: ClusterNetwork]) -> [String] {
        namespaces.keys.sorted().filter { namespaces[$0]?[PrimaryNetworkResolver.primaryLabel] != nil && served[$0] == nil }.map {
            "namespace \($0) has the label \(PrimaryNetworkResolver.primaryLabel) but no primary user-defined network serves it; its workloads are analysed on the pod network"
        }
    }

    private mutating func readAttachments(_ objects: [KubeObject]) {
        let definitions = Set(objects.filter { $0.kind == Self.attachmentDefinitionKind }.map { "\($0.namespace ?? "default")/\($0.name)" })
        for object in objects {
            if let vm = VirtualMachineWorkload.endpoint(of: object) {
                attach(vm, VirtualMachineWorkload.secondaryNetworks(of: object), defined: definitions, at: object.location)
                continue
            }
            guard object.kind != "PodTemplate", let spec = PodTemplates.podSpec(of: object),
                  let annotation = spec.annotations[NetworkAttachmentRequest.podAnnotation] else { continue }
            let endpoint = WorkloadReader.endpoint(object: object, spec: spec)
            do {
                attach(endpoint, try NetworkAttachmentRequest.parse(annotation: annotation), defined: definitions, at: object.location)
            } catch {
                warnings.append(InputError("\(object.kind) \(endpoint.namespace ?? "default")/\(object.name): annotation \(NetworkAttachmentRequest.podAnnotation) is not valid (\(error)); its secondary networks are ignored", at: object.location).description)
            }
        }
    }

    public static let attachmentDefinitionKind = "NetworkAttachmentDefinition"

    /// Secondary networks are grouped by name: definitions of one name in
    /// several namespaces make one network.
    private mutating func attach(_ endpoint: Endpoint, _ requests: [NetworkAttachmentRequest],
                                 defined: Set<String>, at location: SourceLocation?) {
        guard !requests.isEmpty else { return }
        attachments[endpoint.displayName, default: []].formUnion(requests.map(\.name))
        for request in requests {
            let qualified = "\(request.namespace ?? endpoint.namespace ?? "default")/\(request.name)"
            if !defined.contains(qualified) {
                warnings.append(InputError("\(endpoint.displayName) attaches to \(Self.attachmentDefinitionKind) \(qualified), which is not in the input", at: location).description)
            }
        }
    }
}
