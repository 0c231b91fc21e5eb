#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# /init of the Linux baseline guest's initramfs (tests/bench.py,
# linux_net_*; built by tests/module.mk from tools/fetch-linux-baseline.sh's
# files).  busybox is /bin/busybox with its applets as links.  The kernel
# command line's bench_card= (ne2k_isa, ne2k_pci or rtl8139) names the
# card QEMU was given: its driver and the modules it needs (the *.load
# files) are loaded, eth0 gets 10.0.2.15/24 (what slirp's DHCP gives a
# Samsara guest) and lo comes up.  Then "linux-baseline: ready CARD" and
# a root shell on the serial console with the prompt "# ", from which the
# harness starts the same servers as on Samsara: /test/b_net, and busybox
# httpd on port 80 over /var/www.
PATH=/bin:/sbin
export PATH
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
card=""
for w in $(cat /proc/cmdline); do
	case $w in
	bench_card=*) card=${w#bench_card=} ;;
	esac
done
case $card in
ne2k_isa) drv=ne args="io=0x300 irq=9" ;;
ne2k_pci) drv=ne2k-pci args="" ;;
rtl8139) drv=8139cp args="" ;;
*) drv="" ;;
esac
if [ -z "$drv" ]; then
	echo "linux-baseline: no bench_card=ne2k_isa|ne2k_pci|rtl8139 given"
else
	for m in $(cat /lib/modules/$drv.load); do
		if [ "$m" = "$drv" ]; then
			insmod /lib/modules/$m.ko $args
		else
			insmod /lib/modules/$m.ko
		fi
	done
fi
ifconfig lo 127.0.0.1 up
if ifconfig eth0 10.0.2.15 netmask 255.255.255.0 up; then
	echo "linux-baseline: ready $card $(cat /sys/class/net/eth0/address)"
else
	echo "linux-baseline: no eth0 for $card"
fi
PS1='# '
export PS1
exec setsid cttyhack sh
