package com.acme.tiering.facts;

import java.util.Arrays;

/**
 * The sorted distinct values of one metric over a run's population, with how many customers hold each: enough
 * to say exactly how many customers are below any value and how much of the metric lies above it (PRODUCT.md
 * §5). Packed so that a million customers with a million distinct revenues take a few MB: values go in blocks
 * of 64, each block keeps its first value and the running totals before it, and inside a block each value is
 * stored as a variable-length gap to the previous one, with its count. A lookup is a binary search over the
 * blocks and a scan of one block.
 */
final class ValueLadder {

    private static final int BLOCK = 64;

    private final int size;
    private final long count;
    private final long weight;
    private final long[] blockFirst;
    private final int[] blockStart;
    private final long[] countBefore;
    private final long[] weightBefore;
    private final byte[] data;

    private ValueLadder(Builder b) {
        int blocks = (b.size + BLOCK - 1) / BLOCK;
        size = b.size;
        count = b.count;
        weight = b.weight;
        blockFirst = Arrays.copyOf(b.blockFirst, blocks);
        blockStart = Arrays.copyOf(b.blockStart, blocks);
        countBefore = Arrays.copyOf(b.countBefore, blocks);
        weightBefore = Arrays.copyOf(b.weightBefore, blocks);
        data = Arrays.copyOf(b.data, b.length);
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Where a value stands: the customers with a smaller value, and the sum of value × customers over the
     * values strictly larger.
     */
    record Position(long below, long weightAbove) {
    }

    /** Called for each distinct value in ascending order with the customers below it and holding it. */
    interface Visitor {
        void visit(long value, long below, long holders);
    }

    Position position(long value) {
        int block = lastBlockStartingAtOrBelow(value);
        if (block < 0) {
            return new Position(0, weight);
        }
        long below = countBefore[block];
        long atOrBelow = weightBefore[block];
        Cursor cursor = new Cursor(blockStart[block]);
        long current = blockFirst[block];
        int entries = Math.min(BLOCK, size - block * BLOCK);
        for (int i = 0; i < entries; i++) {
            current += i == 0 ? 0 : cursor.next();
            long holders = cursor.next();
            if (current > value) {
                break;
            }
            below += current < value ? holders : 0;
            atOrBelow += current * holders;
        }
        return new Position(below, weight - atOrBelow);
    }

    void forEach(Visitor visitor) {
        for (int block = 0; block * BLOCK < size; block++) {
            Cursor cursor = new Cursor(blockStart[block]);
            long current = blockFirst[block];
            long below = countBefore[block];
            for (int i = 0; i < Math.min(BLOCK, size - block * BLOCK); i++) {
                current += i == 0 ? 0 : cursor.next();
                long holders = cursor.next();
                visitor.visit(current, below, holders);
                below += holders;
            }
        }
    }

    /** Customers counted. */
    long count() {
        return count;
    }

    /** The sum of value × customers over all values. */
    long weight() {
        return weight;
    }

    /** Distinct values. */
    int size() {
        return size;
    }

    /** The memory the ladder holds, in bytes, arrays and object headers included. */
    long bytes() {
        long header = 16;
        return 64 + 3 * (header + 8L * blockFirst.length) + header + 4L * blockStart.length + header + data.length;
    }

    private int lastBlockStartingAtOrBelow(long value) {
        int low = 0;
        int high = blockFirst.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (blockFirst[middle] <= value) {
                found = middle;
                low = middle + 1;
            }
            else {
                high = middle - 1;
            }
        }
        return found;
    }

    /** Reads the unsigned variable-length numbers of {@link #data}: 7 bits a byte, high bit set when more follow. */
    private final class Cursor {

        private int at;

        Cursor(int at) {
            this.at = at;
        }

        long next() {
            long result = 0;
            for (int shift = 0;; shift += 7) {
                byte b = data[at++];
                result |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return result;
                }
            }
        }
    }

    static final class Builder {

        private int size;
        private long count;
        private long weight;
        private long previous;
        private long[] blockFirst = new long[4];
        private int[] blockStart = new int[4];
        private long[] countBefore = new long[4];
        private long[] weightBefore = new long[4];
        private byte[] data = new byte[64];
        private int length;

        /**
         * Adds the next value, larger than the one before, held by {@code holders} customers.
         *
         * @throws ArithmeticException when a running total leaves the long range (revenues beyond 10¹⁶ units)
         */
        Builder add(long value, long holders) {
            if (size > 0 && value <= previous || holders <= 0) {
                throw new IllegalArgumentException("Values must ascend and be held by someone: " + value);
            }
            if (size % BLOCK == 0) {
                startBlock(value);
            }
            else {
                write(value - previous);
            }
            write(holders);
            previous = value;
            size++;
            count = Math.addExact(count, holders);
            weight = Math.addExact(weight, Math.multiplyExact(value, holders));
            return this;
        }

        ValueLadder build() {
            return new ValueLadder(this);
        }

        private void startBlock(long value) {
            int block = size / BLOCK;
            if (block == blockFirst.length) {
                int grown = block * 2;
                blockFirst = Arrays.copyOf(blockFirst, grown);
                blockStart = Arrays.copyOf(blockStart, grown);
                countBefore = Arrays.copyOf(countBefore, grown);
                weightBefore = Arrays.copyOf(weightBefore, grown);
            }
            blockFirst[block] = value;
            blockStart[block] = length;
            countBefore[block] = count;
            weightBefore[block] = weight;
        }

        private void write(long unsigned) {
            if (length + 10 > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            long rest = unsigned;
            while ((rest & ~0x7FL) != 0) {
                data[length++] = (byte) ((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            data[length++] = (byte) rest;
        }
    }
}
