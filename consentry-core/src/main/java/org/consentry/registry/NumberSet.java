package org.consentry.registry;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * A set of phone numbers, held as a compressed bitmap of their E.164 digits (RoaringBitmap): registries of
 * millions of numbers in little memory with fast lookups. Safe for one writer and many readers.
 */
public final class NumberSet {

    private final Roaring64NavigableMap bits = new Roaring64NavigableMap();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** The digits of an E.164 number as one long: {@code +13055550100} is 13055550100. */
    public static long key(String e164) {
        return Long.parseLong(e164.startsWith("+") ? e164.substring(1) : e164);
    }

    public boolean add(String e164) {
        long key = key(e164);
        lock.writeLock().lock();
        try {
            boolean absent = !bits.contains(key);
            bits.addLong(key);
            return absent;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean remove(String e164) {
        long key = key(e164);
        lock.writeLock().lock();
        try {
            boolean present = bits.contains(key);
            bits.removeLong(key);
            return present;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean contains(String e164) {
        long key = key(e164);
        lock.readLock().lock();
        try {
            return bits.contains(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    public long size() {
        lock.readLock().lock();
        try {
            return bits.getLongCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }
}
