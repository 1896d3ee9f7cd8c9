package dev.lemma.autodiff;

import dev.lemma.numeric.StableFunctions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/// A scalar that remembers how it was computed, so that [#backward] can send derivatives back through
/// the computation: reverse-mode automatic differentiation at its smallest, after Andrej Karpathy's
/// micrograd (`micrograd/engine.py`).
///
/// Each operation builds a new node holding its result (`data`), the nodes it was computed from (its
/// children), a label for the operation, and its *local backward rule*: given $\partial L/\partial
/// \text{out}$ in `out.grad`, add $\partial L/\partial \text{out} \cdot \partial \text{out}/\partial
/// \text{child}$ to each child's `grad`. The rule sits right beside the forward computation it
/// differentiates. Only the primitive operations ([#add], [#mul], [#pow], [#exp], [#log], [#tanh],
/// [#relu], [#sigmoid]) carry derivative code; [#neg], [#sub] and [#div] are built from them.
///
/// Gradients *accumulate* (`+=`): a node used twice, as in $x \cdot x$, receives one contribution per
/// use, which is the multivariate chain rule $\partial L/\partial x = \sum_{\text{uses}}
/// \partial L/\partial \text{use} \cdot \partial \text{use}/\partial x$.
///
/// ```java
/// Value a = new Value(2.0);
/// Value b = new Value(-3.0);
/// Value L = a.mul(b).add(a.tanh());   // L = ab + tanh a
/// L.backward();
/// a.grad();                            // b + 1 − tanh² a
/// ```
///
/// Not thread-safe: a graph and its gradients belong to one thread. Values are compared by identity.
///
/// Non-finite values flow through as IEEE arithmetic makes them (`new Value(0).log()` holds
/// $-\infty$, and its gradient is $\infty$ or NaN); nothing is checked, as in micrograd and PyTorch.
///
/// References: A. Karpathy, micrograd, `engine.py` (2020); A. Griewank and A. Walther, *Evaluating
/// Derivatives*, 2nd ed., SIAM 2008, chapter 3 (the reverse mode).
///
/// Book: chapter 2, section "Automatic differentiation".
public final class Value {
    private double data;
    private double grad;
    private final List<Value> children;
    private final String op;

    /// The local backward rule: adds this node's gradient, times the local derivative, into each
    /// child's. A leaf has nothing to propagate.
    private Runnable backward = () -> {};

    /// A leaf (an input or a parameter) holding `data`, with gradient 0.
    ///
    /// @param data the value
    public Value(double data) {
        this(data, "");
    }

    private Value(double data, String op, Value... children) {
        this.data = data;
        this.op = op;
        this.children = List.of(children);
    }

    /// @return the value
    public double data() {
        return data;
    }

    /// Replaces the value, as an optimiser does with a parameter between steps (`p.data -= lr * p.grad`
    /// in micrograd). Nodes already computed from this one are not recomputed: build the graph again.
    ///
    /// @param data the new value
    public void setData(double data) {
        this.data = data;
    }

    /// @return $\partial L/\partial \text{this}$ accumulated by the calls of [#backward] so far (0 before
    ///     any)
    public double grad() {
        return grad;
    }

    /// @return the operation that made this node (`"+"`, `"*"`, `"exp"`, …), `""` for a leaf
    public String op() {
        return op;
    }

    /// @return the nodes this one was computed from, in operand order (a node used twice appears twice);
    ///     empty for a leaf
    public List<Value> children() {
        return children;
    }

    // ------------------------------------------------------------------ primitive operations

    /// $\text{this} + \text{other}$; backward: $\partial/\partial a = \partial/\partial b = 1$.
    ///
    /// @param other the other operand
    /// @return a new node
    public Value add(Value other) {
        Value out = new Value(data + other.data, "+", this, other);
        out.backward = () -> {
            this.grad += out.grad;
            other.grad += out.grad;
        };
        return out;
    }

    /// $\text{this} \cdot \text{other}$; backward: $\partial/\partial a = b$, $\partial/\partial b = a$.
    ///
    /// @param other the other factor
    /// @return a new node
    public Value mul(Value other) {
        Value out = new Value(data * other.data, "*", this, other);
        out.backward = () -> {
            this.grad += other.data * out.grad;
            other.grad += this.data * out.grad;
        };
        return out;
    }

    /// $\text{this}^k$ for a constant exponent $k$; backward: $k\,x^{k-1}$.
    ///
    /// Non-finite cases follow `Math.pow`: a negative base with a non-integer $k$ gives NaN, and
    /// $0^k$ with $k < 1$ has an infinite or NaN derivative.
    ///
    /// @param k the exponent, a constant (not differentiated)
    /// @return a new node
    public Value pow(double k) {
        Value out = new Value(Math.pow(data, k), "^" + k, this);
        out.backward = () -> this.grad += k * Math.pow(data, k - 1) * out.grad;
        return out;
    }

    /// $e^{\text{this}}$; backward: $e^x$, the result itself. Overflows to $+\infty$ above $x \approx
    /// 709.78$.
    ///
    /// @return a new node
    public Value exp() {
        Value out = new Value(Math.exp(data), "exp", this);
        out.backward = () -> this.grad += out.data * out.grad;
        return out;
    }

    /// $\ln(\text{this})$; backward: $1/x$. NaN for $x < 0$, $-\infty$ at 0.
    ///
    /// @return a new node
    public Value log() {
        Value out = new Value(Math.log(data), "log", this);
        out.backward = () -> this.grad += out.grad / data;
        return out;
    }

    /// $\tanh(\text{this})$; backward: $1 - \tanh^2 x$.
    ///
    /// Computed with `Math.tanh`. micrograd writes $(e^{2x} - 1)/(e^{2x} + 1)$, which is
    /// $\infty/\infty$ = NaN once $e^{2x}$ overflows, for $x > 354.9$; `Math.tanh` is 1 there.
    ///
    /// @return a new node
    public Value tanh() {
        Value out = new Value(Math.tanh(data), "tanh", this);
        out.backward = () -> this.grad += (1 - out.data * out.data) * out.grad;
        return out;
    }

    /// $\max(0, \text{this})$; backward: 1 where $x > 0$, else 0 (the subgradient 0 at $x = 0$, as in
    /// micrograd and PyTorch).
    ///
    /// @return a new node
    public Value relu() {
        Value out = new Value(data > 0 ? data : 0.0, "relu", this);
        out.backward = () -> this.grad += (out.data > 0 ? 1.0 : 0.0) * out.grad;
        return out;
    }

    /// The logistic sigmoid $\sigma(\text{this}) = 1/(1 + e^{-x})$, computed without overflow by
    /// [StableFunctions#sigmoid(double)]; backward: $\sigma(x)(1 - \sigma(x))$, from the result.
    ///
    /// @return a new node
    public Value sigmoid() {
        Value out = new Value(StableFunctions.sigmoid(data), "sigmoid", this);
        out.backward = () -> this.grad += out.data * (1 - out.data) * out.grad;
        return out;
    }

    // ------------------------------------------------------------------ built from the primitives

    /// $\text{this} + c$ for a constant $c$ (a new leaf).
    ///
    /// @param c the constant
    /// @return a new node
    public Value add(double c) {
        return add(new Value(c));
    }

    /// $\text{this} \cdot c$ for a constant $c$ (a new leaf).
    ///
    /// @param c the constant
    /// @return a new node
    public Value mul(double c) {
        return mul(new Value(c));
    }

    /// $-\text{this}$, as $\text{this} \cdot (-1)$.
    ///
    /// @return a new node
    public Value neg() {
        return mul(-1.0);
    }

    /// $\text{this} - \text{other}$, as $\text{this} + (-\text{other})$.
    ///
    /// @param other the subtrahend
    /// @return a new node
    public Value sub(Value other) {
        return add(other.neg());
    }

    /// $\text{this} - c$ for a constant $c$.
    ///
    /// @param c the constant
    /// @return a new node
    public Value sub(double c) {
        return add(-c);
    }

    /// $\text{this} / \text{other}$, as $\text{this} \cdot \text{other}^{-1}$ (micrograd's way: the
    /// quotient rule then comes out of the product and power rules). Division by 0 gives $\pm\infty$ or
    /// NaN, and so does its gradient.
    ///
    /// @param other the divisor
    /// @return a new node
    public Value div(Value other) {
        return mul(other.pow(-1.0));
    }

    /// $\text{this} / c$ for a constant $c$.
    ///
    /// @param c the constant divisor
    /// @return a new node
    public Value div(double c) {
        return mul(1.0 / c);
    }

    // ------------------------------------------------------------------ the reverse pass

    /// Computes $\partial \text{this}/\partial v$ for every node $v$ this one depends on: orders the graph
    /// topologically, adds 1 to this node's gradient (the derivative of a node with respect to itself),
    /// then runs each node's backward rule once, from this node back to the leaves. Cost:
    /// $O(\text{nodes} + \text{edges})$, with no recursion, so a chain of $10^5$ nodes is fine
    /// (micrograd's recursive `build_topo` stops at Python's recursion
    /// limit, 1000 levels; a recursive Java version overflows the thread stack at some thousands).
    ///
    /// **Calling it twice.** Leaves (nodes with no children: inputs and parameters) *accumulate*: after
    /// two calls their `grad` is twice the derivative, exactly as PyTorch's leaf tensors after two
    /// `backward(retain_graph=True)` calls. Call [#zeroGrad] between optimisation steps. Interior nodes
    /// hold the derivative of this pass only: each call first sets them to 0, because they are the
    /// messages of the pass, and a stale message would be sent on again (micrograd, which keeps
    /// interior gradients, gives a leaf two operations below the output three times its derivative
    /// after the second call, not twice). If this node is itself a leaf, its gradient grows by 1.
    public void backward() {
        List<Value> order = topologicalOrder();
        for (Value v : order) {
            if (!v.children.isEmpty()) {
                v.grad = 0.0;
            }
        }
        grad += 1.0; // ∂this/∂this
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).backward.run();
        }
    }

    /// Sets to 0 the gradient of this node and of every node it depends on (the parameters among them),
    /// iteratively, like [#backward].
    public void zeroGrad() {
        for (Value v : topologicalOrder()) {
            v.grad = 0.0;
        }
    }

    /// Every node this one depends on, itself last, each after all of its children: micrograd's
    /// depth-first `build_topo`, with an explicit stack instead of recursion. A frame remembers which
    /// child to visit next; a node joins the order when its last child is done.
    private List<Value> topologicalOrder() {
        List<Value> order = new ArrayList<>();
        Set<Value> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Frame> stack = new ArrayDeque<>();
        visited.add(this);
        stack.push(new Frame(this));
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.next < top.node.children.size()) {
                Value child = top.node.children.get(top.next++);
                if (visited.add(child)) {
                    stack.push(new Frame(child));
                }
            } else {
                stack.pop();
                order.add(top.node);
            }
        }
        return order;
    }

    /// A node on the depth-first stack and the index of its next child to visit.
    private static final class Frame {
        private final Value node;
        private int next;

        Frame(Value node) {
            this.node = node;
        }
    }

    /// @return `Value(data=…, grad=…)`, as micrograd prints it
    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + ")";
    }
}
