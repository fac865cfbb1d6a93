// Each class starts its own Redis, RabbitMQ and gateways, and the real-time tests wait for thousands of frames within a
// time limit: the classes run one after the other rather than compete for the machine's two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
